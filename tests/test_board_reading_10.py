"""What a board member stumbles over when reading every sample a tenth time, in Swedish and in English: the
note under the table of shares who left social assistance saying that their *difference* is the deadweight
(Kompassen: 47,8 % − 24,6 % is 23,2 points, while the assumptions table beside it says 51,6 %, the
comparison group's share divided by the participants'), and the cost-benefit analysis named two ways in one
report ("Kostnad–nyttokalkylen" at the start of a sentence beside "kostnadsnyttokalkylen"). Expected values
are worked out by hand from the samples' files, not taken from the code's output.
"""
from __future__ import annotations

import re

import pytest

from evaltools.present.sections import payments

from .conftest import sample_project, sample_report, shown_chunks


def _exit_rate_note(report) -> str:
    """The note under the table 'Andel som lämnat försörjningsstödet' (the one chunk that names the groups)."""
    notes = [c for c in shown_chunks(payments.blocks(report))
             if c.startswith(("Deltagare: de som avslutat", "Participants: those who have ended"))]
    assert len(notes) == 1, notes
    return notes[0]


def _rates_by_hand(pid: str) -> tuple[float, float]:
    """The participants' and the comparison group's shares who left social assistance, counted from the
    sample's files: ended participants and comparison persons with a status at follow-up whose outcome is
    one of the cost-benefit analysis' success outcomes."""
    project = sample_project(pid)
    codes = set(project.params.cost_benefit.success_outcomes)
    ended = project.participants[project.participants["end_date"].notna()]
    comparison = project.comparison[project.comparison["outcome"].notna()]
    return (ended["outcome"].isin(codes).mean(), comparison["outcome"].isin(codes).mean())


@pytest.mark.parametrize("pid, participants, comparison", [
    # Kompassen: 86 of the 180 who ended left (47,8 %); 24,6 % of the comparison group (its file)
    ("kompassen-demo", "47,8", "24,6"),
    # Språngbrädan: 66 of 120 (55,0 %); 46,4 % of the comparison group (its file: its persons leave 90-364 days
    # after their reference dates)
    ("sprangbradan-demo", "55,0", "46,4"),
])
def test_the_exit_rate_note_gives_the_deadweight_as_the_share_over_the_share_not_their_difference(
        pid, participants, comparison):
    p, c = _rates_by_hand(pid)
    assert f"{100 * p:.1f}".replace(".", ",") == participants and f"{100 * c:.1f}".replace(".", ",") == comparison
    ratio = f"{100 * c / p:.1f}".replace(".", ",")  # Kompassen 0,2463 / 0,4778 = 51,6 %; Språngbrädan 0,464 / 0,550 = 84,4 %
    difference = f"{100 * (p - c):.1f}".replace(".", ",")  # what the old note named: 23,2 and 8,6 points
    note = _exit_rate_note(sample_report(pid, "sv"))
    assert "Skillnaden används som dödvikt" not in note
    said = re.search(r"Dödvikten i kostnadsnyttoanalysen, ([\d,]+)\u00a0%, är jämförelsegruppens andel "
                     r"\(([\d,]+)\u00a0%\) delad med deltagarnas \(([\d,]+)\u00a0%\)", note)
    assert said is not None, note
    assert said.groups() == (ratio, comparison, participants)
    assert difference not in note
    en = _exit_rate_note(sample_report(pid, "en"))
    assert "difference gives the deadweight" not in en
    assert f"deadweight in the cost-benefit analysis, {ratio.replace(',', '.')}%, is the comparison group's share" in en


@pytest.mark.parametrize("lang, words", [
    # (as the assumptions table says it: 30 %, not 30,0 %)
    ("sv", "Dödvikten i kostnadsnyttoanalysen, 30\u00a0%, räknas inte fram ur andelarna här"),
    ("en", "The deadweight in the cost-benefit analysis, 30%, is not worked out from the shares here"),
])
def test_a_deadweight_set_in_the_params_is_not_said_to_come_from_the_exit_rates(lang, words):
    import evaltools as et
    project = sample_project("kompassen-demo").with_params(cost_benefit={"deadweight": 0.3})
    note = _exit_rate_note(et.Report(project, lang=lang))
    assert words in note
    assert "delad med" not in note and "divided by" not in note


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_catalog_names_the_cost_benefit_analysis_one_way_at_the_start_of_a_sentence_too(lang):
    import yaml

    import evaltools as et
    catalog = yaml.safe_load(open(f"{et.__path__[0]}/locales/{lang}.yaml", encoding="utf-8"))

    def texts(tree, path=()):
        if isinstance(tree, dict):
            for key, sub in tree.items():
                yield from texts(sub, (*path, str(key)))
        elif isinstance(tree, str):
            yield ".".join(path), tree

    # the style guide's "kostnadsnyttoanalys, inte kostnad–nyttoanalys", whatever the first letter's case
    # (before: "Kostnad–nyttokalkylen som bygger på den" under Kompassen's estimated effect)
    two_ways = [(key, m.group(0)) for key, text in texts(catalog)
                for m in re.finditer(r"kostnad[–-]nytto\w*", text, re.IGNORECASE)]
    assert two_ways == []


# --- a questionnaire chart's legend reads in the scale's order, row by row ---------------------------------

def _legend_read_row_by_row(fig) -> list[str]:
    """The legend's labels in the order a reader reads them: top row first, left to right (from where
    they are drawn, not from the legend's list)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    placed = []
    for text in fig.legends[0].get_texts():
        box = text.get_window_extent(renderer)
        placed.append((-round(box.y0), box.x0, text.get_text()))
    return [label for _, _, label in sorted(placed)]


@pytest.mark.parametrize("labels", [
    # Nästa steg's health question (figure 3): five steps read 'Mycket dåligt, Någorlunda, Mycket bra' over
    # 'Dåligt, Bra' before
    ("Mycket dåligt", "Dåligt", "Någorlunda", "Bra", "Mycket bra"),
    ("Instämmer inte alls", "Instämmer delvis inte", "Instämmer delvis", "Instämmer helt"),
    ("1", "2", "3", "4", "5", "6", "7"),
])
def test_a_questionnaire_charts_legend_reads_the_scale_in_order(labels):
    import matplotlib
    matplotlib.use("Agg")
    import pandas as pd

    from evaltools.data.survey import Question
    from evaltools.present.survey_plot import plot_survey
    q = Question("halsa", "Hur bedömer du ditt allmänna hälsotillstånd?", "", 1, len(labels), labels, ())
    dist = pd.DataFrame({"question": "halsa", "answer": list(range(1, len(labels) + 1)),
                         "share": [1 / len(labels)] * len(labels), "n": [6] * len(labels)})
    fig = plot_survey([q], dist, 6 * len(labels), "Deltagare vid start", "sv")
    assert _legend_read_row_by_row(fig) == list(labels)


# --- a questionnaire round's heading stays on the page of its chart --------------------------------------------

def _round_page(filler_lines: int) -> str:
    import base64
    import io as _io

    import nbformat
    from PIL import Image

    from evaltools.publish import render
    png = _io.BytesIO()
    Image.new("RGB", (600, 230), "white").save(png, format="PNG")  # a chart of three questions' height
    src = "data:image/png;base64," + base64.b64encode(png.getvalue()).decode()
    filler = "".join(f"<p>Rad {i} med vanlig text som fyller sidan.</p>" for i in range(filler_lines))
    # as Samverkan i praktiken's round 'Personal 2023': heading, response rate, the note on it, chart
    section = ("<div class='et-block'><h3>Personal 2023</h3><p>Svarande: 198 av 450 tillfrågade (svarsfrekvens 44 %).</p>"
               "<p>Svarsfrekvensen är under 50 %: svaren kan inte tas för att gälla alla tillfrågade, eftersom de som "
               "inte svarade kan ha en annan uppfattning än de som svarade.</p>"
               f"<figure class='et-fig'><img alt='Staplar' src='{src}' style='width:6.30in;max-width:100%'/>"
               "<figcaption>Figur 2. Personal 2023: svaren på frågorna.</figcaption></figure></div>")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x", outputs=[
        nbformat.v4.new_output("display_data", data={"text/html": filler + section})])])
    return render.notebook_to_html(nb, "sv", "Test")


def test_a_rounds_heading_and_response_rate_never_end_a_page_without_its_chart(tmp_path):
    pytest.importorskip("weasyprint")
    import io

    import pypdf

    from evaltools.publish import render
    pages_of = {}
    for n in range(30, 50):  # (filler that puts the heading in the last few lines of the first page, and past it)
        pdf = render.html_to_pdf(_round_page(n), None, tmp_path)
        texts = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
        heading = [i for i, t in enumerate(texts) if "Personal 2023" in t.split("Figur 2.")[0]]
        caption = [i for i, t in enumerate(texts) if "Figur 2." in t]
        pages_of[n] = (heading, caption)
    assert any(h != [0] for h, _ in pages_of.values())  # the filler pushes the round past the first page
    assert all(len(h) == 1 and h == c for h, c in pages_of.values()), pages_of


# --- the sensitivity bounds' first column says what its amounts are, as the sentence above it does ------------

@pytest.mark.parametrize("lang, column, said", [
    # the sentence above the table: "ändras med högst 20 kr per månad från en månad till nästa"; the column
    # read "Avvikelse per månad och månad", which no one says
    # (and then "från en månad till nästa", which the body now says as "för varje månad som gick": the column with it)
    ("sv", "Ändring av glidningens takt per månad för varje månad som gick", "per månad för varje månad som gick"),
    ("en", "Largest change in the drift's pace each month", "each month"),
])
def test_the_sensitivity_bounds_column_is_named_as_the_sentence_above_it_says_it(lang, column, said):
    pytest.importorskip("honestdid")
    from evaltools.present.display import Table, Text
    r = sample_report("kompassen-demo", lang)
    # (the table is the appendix's; the sentence that says how far the conclusion holds is the payments section's)
    blocks = [b for group in payments.blocks(r) + payments.detail_blocks(r) for b in group]
    tables = [b for b in blocks if isinstance(b, Table) and column in b.frame.columns]
    assert len(tables) == 1, [list(b.frame.columns) for b in blocks if isinstance(b, Table)]
    # the amounts in the column are kronor per month (0 kr, 5 kr, …), and the sentence above uses the same words
    assert all(v.endswith("kr") or v.startswith("SEK") for v in tables[0].frame[column].iloc[1:])
    assert any(said in p for b in blocks if isinstance(b, Text) for p in b.paragraphs)


# --- the goal chart marks a goal that is not the application's, as the goal table does ---------------------

@pytest.mark.parametrize("lang, mark", [("sv", "(slutrapportens förslag)"), ("en", "(the final report's suggestion)")])
def test_the_goal_chart_marks_the_final_reports_proposed_goals_as_the_table_does(lang, mark):
    import matplotlib
    matplotlib.use("Agg")
    import yaml

    from evaltools.present.plots import plot_goals

    from .conftest import PARAMS
    # params/timra-vagen-ut.yaml: two count goals from the application, two share goals with
    # 'source: slutrapport' (the final report's own proposal of at least 50 %), one qualitative goal
    goals = yaml.safe_load(open(PARAMS / "timra-vagen-ut.yaml", encoding="utf-8"))["goals"]
    label = "label" if lang == "sv" else "label_en"
    proposed = [g[label] for g in goals if g.get("source") == "slutrapport"]
    own = [g[label] for g in goals if g.get("source", "ansökan") == "ansökan" and g["kind"] != "qualitative"]
    assert len(proposed) == 2 and len(own) == 2
    fig = plot_goals(sample_report("timra-vagen-ut", lang).goals, lang)
    titles = [" ".join(ax.get_title(loc="left").split()) for ax in fig.axes if ax.get_title(loc="left")]
    # a label that ends in its own bracket ("… per year (at least 50%)") takes the mark inside it after a semicolon,
    # as two brackets in a row are not written: "(at least 50%; the final report's suggestion)"
    assert sorted(titles) == sorted([*own, *(f"{x[:-1]}; {mark[1:]}" if x.endswith(")") else f"{x} {mark}"
                                             for x in proposed)])
    # the text alternative names the panels as their titles do
    assert fig.et_alt.count(mark[1:]) == 2


# --- the table of actors says why its rows do not add up to society's benefit -----------------------------

def _amount(cell: str) -> int:
    return int(cell.replace("\u2212", "-").replace("kr", "").replace("\u00a0", "").replace(" ", ""))


def _actor_table(report):
    from evaltools.present.display import Table
    from evaltools.present.sections import costbenefit
    tables = [b for group in costbenefit.blocks(report) for b in (group if isinstance(group, list) else [group])
              if isinstance(b, Table) and "Aktör" in b.frame.columns]
    return tables


def test_the_table_of_actors_says_the_state_pays_employers_a_wage_subsidy_society_cancels():
    r = sample_report("kompassen-demo", "sv")
    tables = _actor_table(r)
    actors = [t for t in tables if "Nytta (+) eller förlust (−), nuvärde" in t.frame.columns][0]
    flows = [t for t in tables if "Post" in t.frame.columns][0]
    # the individual's NPV is not shown (earnings measured for 13 months against social assistance over 36,
    # tests/test_earnings_horizon.py): its benefit is the sum of its rows in the flows' table; the cell is "–" as
    # its net is (its earnings are measured, so not "ej värderad": test_board_reading_12)
    assert actors.frame.set_index("Aktör").loc["Individen", "Nytta (+) eller förlust (−), nuvärde"] == "–"
    benefit = {a: _amount(v) for a, v in zip(actors.frame["Aktör"], actors.frame["Nytta (+) eller förlust (−), nuvärde"]) if a != "Individen"}
    benefit["Individen"] = sum(_amount(v) for v in flows.frame.loc[flows.frame["Aktör"] == "Individen", "Nuvärde"])
    # Kompassen: the municipality, region, state (Försäkringskassan is part of it) and individual together fall
    # short of society's benefit by what the flows' table books on the employers as the wage subsidy
    shown = sum(v for a, v in benefit.items() if a in ("Kommunen", "Regionen", "Staten", "Individen"))
    wage = flows.frame[(flows.frame["Post"] == "Lönestöd") & (flows.frame["Aktör"] == "Arbetsgivaren")]
    assert len(wage) == 1
    assert benefit["Samhället"] - shown == pytest.approx(_amount(wage["Nuvärde"].iloc[0]), abs=2)
    said = " ".join(actors.notes)  # (the notes are points of their own)
    assert "lönestöd till arbetsgivare" in said and "Arbetsgivarna står inte i tabellen" in said


def test_without_a_wage_subsidy_the_table_of_actors_says_nothing_of_employers():
    import evaltools as et
    project = sample_project("kompassen-demo").with_params(cost_benefit={"wage_subsidy_sek_month": 0})
    tables = _actor_table(et.Report(project, lang="sv"))
    actors = [t for t in tables if "Nytta (+) eller förlust (−), nuvärde" in t.frame.columns][0]
    assert "arbetsgivare" not in " ".join(actors.notes).lower()
