"""Loose ends in reading an evaluator's files, and a sweep of hostile text through every free-text field of a params
file: each a tiny project written in tmp_path. Expected values are worked out by hand from the rows written here."""
from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

import evaltools as et
from evaltools.data import project as project_module

from .conftest import load_problems, params_refusal
from .test_hostile_inputs_58 import BUDGET, _sheet  # (the same one-sheet budget workbook)

HEAD = """\
id: hostile60
title: Etableringslyftet
forbund: Testförbundet
owner: Testkommun
kind: individ
period: {start: 2023-09-01, planned_end: 2025-08-31}
granted_sek: 2000000
"""


def _params(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "hostile60.yaml"
    p.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    return p


# --- A1. data_as_of after the day the project is loaded ---------------------------------------------------------
def test_data_as_of_after_today_is_refused_naming_the_file_and_the_day(tmp_path, monkeypatch):
    """Loaded on 2024-03-01, data 'taken out' on 2024-03-02 are a day not yet come: refused, naming the params file,
    the value and the latest day to write."""
    monkeypatch.setattr(project_module, "_today", lambda: dt.date(2024, 3, 1))
    params = _params(tmp_path, "data_as_of: 2024-03-02\n")
    problems = load_problems(params)
    (pr,) = [p for p in problems if p.key == "params.data_as_of_ahead"]
    assert pr.file == str(params)
    said = " ".join(pr.text("sv").split())
    assert "data_as_of är 2024-03-02, efter i dag (2024-03-01)" in said
    assert "data_as_of: ÅÅÅÅ-MM-DD, senast 2024-03-01" in said
    assert "data_as_of is 2024-03-02, after today (2024-03-01)" in " ".join(pr.text("en").split())


def test_data_as_of_today_or_before_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(project_module, "_today", lambda: dt.date(2024, 3, 1))
    for day in ("2024-03-01", "2024-02-29"):
        p = et.load_project(_params(tmp_path, f"data_as_of: {day}\n"))
        assert p.params.data_as_of.isoformat() == day


# --- A2. a share to rise in steps -------------------------------------------------------------------------------
def _share_goal(tmp_path: Path, label: str, target: str) -> Path:
    return _params(tmp_path, f"""\
        goals:
          - id: arbete
            kind: share
            label: "{label}"
            {target}
            period: project_year
            denominator: exits
            success_outcomes: [arbete]
        """)


@pytest.mark.parametrize("label, target, words", [
    ("Andelen som går till arbete ska öka från 10 % till 20 % och sedan till 35 %", "0.2",
     "från 10 % till 20 % och sedan till 35 %"),
    ("Andelen som går till arbete ska öka från 10 % till 20 % och sedan till 35 %", "0.35",
     "från 10 % till 20 % och sedan till 35 %"),
    ("Andelen ska öka från 10 procent till 20 procent, därefter till 35 procent", "0.2",
     "från 10 procent till 20 procent, därefter till 35 procent"),
    ("The share going to work shall rise from 10% to 20% and then to 35%", "0.2", "from 10% to 20% and then to 35%"),
])
def test_a_share_rising_in_steps_is_refused_with_a_target_per_step_to_write(tmp_path, label, target, words):
    """'från 10 % till 20 % och sedan till 35 %' was read as its first pair (target 0.2 accepted, 35 % never judged).
    Three shares are two targets: 20 % = 0.2 and 35 % = 0.35, written per year or as two goals."""
    said = " ".join(params_refusal(_share_goal(tmp_path, label, f"target: {target}")).split())
    assert f"målets text säger '{words}': andelen ska öka i steg, från 10 % till 20 % och sedan till 35 %" in said
    assert f"target: {target} skulle bedöma ett av stegen" in said
    assert "targets: {1: 0.2, 2: 0.35}" in said and "ett mål med target: 0.2 och ett med target: 0.35" in said
    said_en = " ".join(params_refusal(_share_goal(tmp_path, label, f"target: {target}"), "en").split())
    assert "from 10 % to 20 % and then to 35 %" in said_en and "targets: {1: 0.2, 2: 0.35}" in said_en


def test_a_share_rising_in_steps_with_a_target_per_year_is_read(tmp_path):
    """The steps written as the message says, a target per project year (two years: 2023-09-01 – 2025-08-31)."""
    p = et.load_params(_share_goal(tmp_path, "Andelen ska öka från 10 % till 20 % och sedan till 35 %",
                                   "targets: {1: 0.2, 2: 0.35}"))
    assert dict(p.goals[0].targets) == {1: 0.2, 2: 0.35}


def test_one_rise_from_a_baseline_is_read_as_before(tmp_path):
    p = et.load_params(_share_goal(tmp_path, "Andelen ska öka från 10 % till 20 % (mätt vid avslut)", "target: 0.2"))
    assert p.goals[0].target == 0.2


# --- A3. a varav row under a line of another year ---------------------------------------------------------------
WIDE2 = ["Kostnadsslag", "Finansiär", "Budget 2023/24", "Utfall 2023/24", "Budget 2024/25", "Utfall 2024/25"]
LONG = ["År", "Kostnadsslag", "Finansiär", "Budget", "Utfall"]


@pytest.mark.parametrize("rows", [
    # a column per school year (read as project years: the project starts 2023-09-01): 'varav tolk' has 90 000 kr
    # in 2024/25 (år 2), 'Jobbcoacher' above it only amounts in 2023/24 (år 1)
    [WIDE2, ["Jobbcoacher", "förbund", 1_000_000, 900_000, None, None],
     ["varav tolk", "förbund", None, None, 100_000, 90_000], ["SFI-samordnare", "kommun", 450_000, 450_000, 450_000,
                                                               450_000]],
    # a row per year: 'år 2 varav tolk' under 'år 1 Jobbcoacher'
    [LONG, ["år 1", "Jobbcoacher", "förbund", 1_000_000, 900_000], ["år 2", "varav tolk", "förbund", 100_000, 90_000],
     ["år 2", "Jobbcoacher", "förbund", 1_000_000, 900_000]],
])
def test_a_varav_row_under_a_line_of_another_year_is_refused_naming_both(tmp_path, rows):
    """Read as a part of the line above it, 'varav tolk' of år 2 was a part of a line that has no amount in år 2: its
    90 000 kr counted nowhere, the evaluator not told. Refused at its row (3), naming the line above (row 2) and both
    periods; the file is not modified."""
    before = _sheet(tmp_path, rows).read_bytes()
    problems = load_problems(_params(tmp_path, BUDGET))
    (pr,) = [p for p in problems if p.key == "budget.part_other_period"]
    assert pr.row == 3 and pr.column == "Kostnadsslag"
    said = " ".join(pr.text("sv").split())
    assert ("står 'varav tolk', en varav-rad med belopp för år 2, men posten direkt ovanför den, 'Jobbcoacher' på "
            "rad 2, har belopp bara för år 1") in said
    assert "Flytta raden under posten för år 2" in said
    assert "a 'varav' (of which) row with amounts for år 2" in " ".join(pr.text("en").split())
    assert (tmp_path / "data" / "budget.xlsx").read_bytes() == before


def test_a_varav_row_under_its_own_years_line_is_read_as_before(tmp_path):
    """'varav tolk' with amounts in both years under a line with amounts in both: a part of it, the cost the lines'
    (900 000 + 950 000 + 450 000 + 450 000 = 2 750 000 kr)."""
    _sheet(tmp_path, [WIDE2, ["Jobbcoacher", "förbund", 1_000_000, 900_000, 1_000_000, 950_000],
                      ["varav tolk", "förbund", 100_000, 90_000, 100_000, 90_000],
                      ["SFI-samordnare", "kommun", 450_000, 450_000, 450_000, 450_000]])
    p = et.load_project(_params(tmp_path, BUDGET))
    assert float(p.budget["actual"].sum()) == 2_750_000


# --- A4. a cost line named only by a financier, with amounts, and no Finansiär column ---------------------------
@pytest.mark.parametrize("rows, at, name, code", [
    ([["Kostnadsslag", "Budget 2023/24", "Utfall 2023/24"], ["Jobbcoacher", 1_000_000, 900_000],
      ["Kommunen", 450_000, 450_000]], 3, "Kommunen", "kommun"),
    ([["År", "Kostnadsslag", "Budget", "Utfall"], ["år 1", "Jobbcoacher", 1_000_000, 900_000],
      ["år 1", "Arbetsförmedlingens medfinansiering", 450_000, 450_000]], 3, "Arbetsförmedlingens medfinansiering",
     "arbetsförmedlingen"),
    # a förbund heading without amounts above (read as it stands) does not hide the municipality's row below
    ([["År", "Kostnadsslag", "Budget", "Utfall"], ["år 1", "Förbundet", None, None],
      ["år 1", "Jobbcoacher", 1_000_000, 900_000], ["år 1", "Kommunen", 450_000, 450_000]], 4, "Kommunen", "kommun"),
])
def test_a_line_named_by_a_financier_with_amounts_is_refused_with_the_column_to_write(tmp_path, rows, at, name, code):
    """'Kommunen' with 450 000 kr was booked on the förbund (the cost 1 350 000 kr, all the förbund's), reading as the
    municipality's row. Refused at its row, with the code and the Finansiär column to write."""
    _sheet(tmp_path, rows)
    problems = load_problems(_params(tmp_path, BUDGET))
    (pr,) = [p for p in problems if p.key == "budget.financier_lines"]
    assert pr.row == at
    said = " ".join(pr.text("sv").split())
    assert f"rad {at} ('{name}') har belopp men heter bara vem som betalar ('{name}' → {code})" in said
    assert "skriv en kolumn Finansiär med varje rads finansiär" in said
    assert f"row {at} ('{name}') has amounts but is named only by who pays" in " ".join(pr.text("en").split())


@pytest.mark.parametrize("rows", [
    # the förbund's own name: its lines are the förbund's as read
    [["Kostnadsslag", "Budget 2023/24", "Utfall 2023/24"], ["Jobbcoacher", 1_000_000, 900_000],
     ["Förbundet", 450_000, 450_000]],
    # a Finansiär column says who pays
    [["År", "Kostnadsslag", "Finansiär", "Budget", "Utfall"], ["år 1", "Jobbcoacher", "förbund", 1_000_000, 900_000],
     ["år 1", "Kommunen", "kommun", 450_000, 450_000]],
])
def test_a_financier_named_line_is_read_where_who_pays_is_known(tmp_path, rows):
    """By hand: 900 000 + 450 000 = 1 350 000 kr."""
    _sheet(tmp_path, rows)
    assert float(et.load_project(_params(tmp_path, BUDGET)).budget["actual"].sum()) == 1_350_000


# --- A5. the analysis plan's heading after '#' and a tab ---------------------------------------------------------
@pytest.mark.parametrize("text, title", [
    ("#\tAnalysplan för Etableringslyftet\n\nFastställd: 2021-11-30\n", "Analysplan för Etableringslyftet"),
    ("#\t\tAnalysplan\t för  Etableringslyftet\n", "Analysplan för Etableringslyftet"),  # (white space as one space)
    ("   #\tAnalysplan ##\n", "Analysplan"),  # (indented up to three spaces; a closing run of '#' is no part of it)
    ("## Bakgrund\n#\tAnalysplan\n", "Analysplan"),  # (the first first-level heading)
])
def test_a_plan_heading_after_a_tab_is_read_as_markdown_reads_it(text, title):
    """'#<tab>Plan' is a heading in Markdown (CommonMark: a tab after '#'), but only '# ' was read: the appendix cited
    the plan without its title."""
    from evaltools.present.plan import plan_title
    assert plan_title(text) == title


@pytest.mark.parametrize("text", [
    "#\tAnalysplan \u202eevil\u202c\n",  # turns the text's direction
    "#\tPlan för 19850101-1234\n",  # a personnummer
    "#\t<script>alert(1)</script>\n",  # markup
    "#\tPlan https://example.invalid/x\n",  # an address
    "#Analysplan\n",  # no space or tab: no heading in Markdown
    "    # Analysplan\n",  # four spaces: code in Markdown, no heading
])
def test_a_plan_heading_after_a_tab_is_sanitized_as_the_others(text):
    from evaltools.present.plan import plan_title
    assert plan_title(text) is None


# --- A6. no label_en asked for a label in English ---------------------------------------------------------------
def _goal_labelled(tmp_path: Path, label: str) -> Path:
    return _params(tmp_path, f"""\
        goals:
          - id: antal
            kind: participant_count
            label: "{label}"
            target: 40
            period: project_year
        """)


@pytest.mark.parametrize("label, asked", [
    ("At least 40 participants a year", []),
    ("40 participants enrolled each year", []),
    ("Minst 40 deltagare per år", ["goals: antal (label_en)"]),
    ("Minst 40 deltagare ska skrivas in varje projektar", ["goals: antal (label_en)"]),  # (no å: Swedish all the same)
])
def test_validate_asks_for_label_en_only_where_the_label_is_not_english(tmp_path, label, asked):
    """An English report shows a Swedish label as it stands, so validate asks for label_en; it asked for it beside
    'At least 40 participants a year' too, a label in English already."""
    from evaltools.publish.cli import swedish_only
    assert swedish_only(et.load_params(_goal_labelled(tmp_path, label))) == asked


# --- B. a character that turns the text's direction in a budget line or the evaluator's text ---------------------
@pytest.mark.parametrize("code", ["\u202e", "\u202d", "\u2067"])
def test_a_budget_lines_name_is_read_without_a_direction_override(tmp_path, code):
    """'Lokal' + U+202E + 'TI' shows as 'LokalIT' turned round in the report's tables, chart and workbook; it passed
    into the HTML and the Word file as it stood. Read without it, as the params file's texts are; the file unchanged."""
    (tmp_path / "data").mkdir()
    path = tmp_path / "data" / "budget.csv"
    path.write_text(f"period;category;budget;actual\n2023;Lön;400000;380000\n2023;Lokal{code}TI;90000;83700\n",
                    encoding="utf-8")
    before = path.read_bytes()
    budget = et.load_project(_params(tmp_path, "data: {budget: data/budget.csv}\n")).budget
    assert budget["category"].tolist() == ["Lön", "LokalTI"]
    assert path.read_bytes() == before


def test_the_evaluators_text_is_shown_without_a_direction_override(tmp_path):
    """A paragraph 'Plan \u202eevil\u202c slut' in the evaluator's text reached the HTML and the Word file with the
    override, shown 'Plan live slut'; the params file's texts are shown without such characters, and so is this."""
    from evaltools.present.narrative import load
    params = _params(tmp_path, "")
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "hostile60.sv.md").write_text(
        "## Sammanfattande bedömning\n\nPlan \u202eevil\u202c slut.\n", encoding="utf-8")
    n = load(params, "sv")
    shown = " ".join(n.plain("assessment"))
    assert "Plan evil slut." in shown and "\u202e" not in shown


# --- B. a title or förbund of 300 characters, as the params file allows, in the Word file's properties -----------
def test_a_title_and_forbund_of_300_characters_make_a_word_file_with_the_properties_cut(tmp_path):
    """A title of 300 characters (the params file's limit) stopped the Word file: its core properties hold 255
    (python-docx raised ValueError). The title and author are cut to 254 characters and an ellipsis; the page shows
    the whole title."""
    import docx

    from evaltools.publish.docx import html_to_docx
    title, forbund = "Ö" + "t" * 299, "F" + "f" * 299
    path = tmp_path / "r.docx"
    html_to_docx(f"<main><h1>{title}</h1><p>Text.</p></main>", path, "sv", title, forbund)
    props = docx.Document(str(path)).core_properties
    assert props.title == title[:254] + "…" and len(props.title) == 255
    assert props.author == forbund[:254] + "…"
    assert any(p.text == title for p in docx.Document(str(path)).paragraphs)


# --- B. a title of 300 characters on the PDF's pages ------------------------------------------------------------
@pytest.mark.parametrize("title, shown", [
    ("Ö" + "y" * 299, "Ö" + "y" * 88 + "…"),  # (one word: cut at 89 characters)
    (("Ett långt namn på ett projekt " * 10).strip(), "Ett långt namn på ett projekt Ett långt namn på ett projekt Ett långt namn på ett …"),
    ("Kompassen (fiktivt exempel)", "Kompassen (fiktivt exempel)"),
])
def test_the_pdf_footer_shows_a_long_title_cut_beside_the_page_number(title, shown):
    """The footer's title, 300 characters long, ran under 'Sida 2 av 26' at the bottom right of every page. It is cut
    to 90 characters at most (at the last space in the second half), with an ellipsis; a short title whole."""
    from evaltools.publish.render import css_string, footer_title
    assert footer_title(title) == shown and len(shown) <= 90
    assert css_string(footer_title(title)).endswith('\\2026 "' if shown.endswith("…") else '"')


def test_a_heading_of_one_long_word_breaks_inside_the_printed_page():
    """A title of 300 letters without a space ran off the right edge of page 1 (the h1 had no break inside a word)."""
    import re

    from evaltools.data.paths import PACKAGE_DIR
    css = (PACKAGE_DIR / "templates" / "evalprint" / "index.html.j2").read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    h1 = " ".join(body for sels, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css)
                  if "h1" in [sel.strip() for sel in sels.split(",")])
    assert "overflow-wrap: anywhere" in h1
