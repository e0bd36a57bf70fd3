"""Page 1 and the sections as the board reads them: the goal table's intro is a sentence, no sentence opens
with a numeral, a "–" in a table says why, a chart's caption says whose money and which prices, and a column
of figures is set to the right."""
from __future__ import annotations

import re
from types import SimpleNamespace

import pandas as pd
import pytest

import evaltools as et
from evaltools.present.display import Table
from evaltools.present.sections import costbenefit as cb_section
from evaltools.present.sections import goals as goal_section
from evaltools.words.text import catalog

from .conftest import PARAMS, sample_report, write_csv
from .test_known_limits_8 import _open_enrolments
from .test_unseen_projects import _params, _person


def _plain(text: str) -> str:
    return text.replace("\xa0", " ")


# --- 1. the goal section's intro is a sentence with a verb ----------------------------------------------------

@pytest.mark.parametrize("lang, said", [
    # (before: "Ansökans mätbara mål per projektår räknat från projektets startdatum." – no verb)
    ("sv", "Ansökans mätbara mål redovisas nedan, per projektår räknat från projektets startdatum."),
    ("en", "The application's measurable goals are shown below, per project year"),
])
def test_the_goal_intro_is_a_sentence_with_a_verb(tmp_path, lang, said):
    write_csv(tmp_path / "data/participants.csv", [_person(1), _person(2)])
    body = ("kind: individ\nperiod: {start: 2023-03-01, planned_end: 2024-12-31}\n"
            "data: {participants: data/participants.csv}\ngoals:\n"
            "  - {id: g1, kind: participant_count, label: Mål 1, target: 10, period: project_year}\n")
    r = et.Report(et.load_project(_params(tmp_path, body)), lang=lang)
    intro = goal_section.blocks(r)[0][0].paragraphs[0]
    assert intro.startswith(said)


def test_an_applications_goal_intro_is_a_sentence_with_a_verb_too():
    r = sample_report("eskilstuna-ansokan", "sv")
    intro = goal_section.blocks(r)[0][0].paragraphs[0]
    first = intro.split(". ")[0]
    assert first.startswith("Ansökans mätbara mål redovisas nedan, per ")
    assert "jämförda med de volymer ansökan själv förväntar sig" in first


# --- 2. no sentence on page 1 or in the data-quality notes opens with a numeral --------------------------------

def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.:;])\s+(?=[A-ZÅÄÖ0-9])", text) if s]


@pytest.mark.parametrize("lang, said", [
    ("sv", "Projektet slutade 2026-05-31, men 6 deltagare saknar slutdatum"),
    ("en", "The project ended on 2026-05-31, but 6 participants have no end date"),
])
def test_the_open_enrolments_after_the_end_are_not_a_sentence_opening_with_a_numeral(tmp_path, lang, said):
    from evaltools.present.sections import quality, summary
    # the last 6 of 2025's 12 participants have no end date; the project ended 2026-05-31 (the data's day)
    project = _open_enrolments(tmp_path, "2026-05-31")
    r = et.Report(project, lang=lang)
    page_one = [_plain(s) for s in summary.participation(r)]
    assert any(said in s for s in page_one)
    notes = [_plain(n) for n in quality.report_table(r).iloc[:, 0]]
    assert notes[0].startswith(said)
    for s in page_one + notes:
        for sentence in _sentences(s):
            assert not sentence[0].isdigit(), sentence


# --- 3. a "–" in "Kvar av besparingen" says why --------------------------------------------------------------

def _persist_reader(with_level: list[int], lang: str = "sv") -> SimpleNamespace:
    words = catalog(lang)
    # 12 leavers followed 3, 6 and 12 months after exit; with_level of them had payments before the start
    pt = pd.DataFrame({"months_after": [3, 6, 12], "observed": [12, 12, 12], "without_fs": [10, 9, 9],
                       "mean_payment": [800.0, 900.0, 950.0], "with_level": with_level,
                       "kept_share": [0.9 if n else float("nan") for n in with_level], "max_months_observed": [24] * 3})
    summary = SimpleNamespace(successes=12, ended=20, dropoff_source="assumed", first_year_source="assumed",
                              first_year_kept=float("nan"))
    return SimpleNamespace(lang=lang, msg=words.msg, params=SimpleNamespace(privacy=SimpleNamespace(min_count=5)),
                           cba=SimpleNamespace(persistence=pt, summary=summary, outcome_check=None))


@pytest.mark.parametrize("lang, column, why", [
    ("sv", "Kvar av besparingen", "– i Kvar av besparingen: ingen av dem som följts den månaden fick försörjningsstöd "
                                  "före start"),
    ("en", "Saving kept", "– in Saving kept: none of those followed that month had social assistance before the start"),
])
def test_a_dash_in_the_saving_kept_says_none_followed_had_a_level_before_the_start(lang, column, why):
    # 12 months after exit none of the 12 followed had payments before the start: no level, so "–" there
    [_, table] = cb_section.persistence_table(_persist_reader([8, 8, 0], lang))
    assert list(table.frame[column])[2] == "–"
    assert why in _plain(table.notes[0])
    # every month with a level: no dash, and no sentence about one
    [_, table] = cb_section.persistence_table(_persist_reader([8, 8, 8], lang))
    assert "–" not in list(table.frame[column])
    assert why not in _plain(table.notes[0])


# --- 4. a chart's caption says whose money and which prices -------------------------------------------------

def _figures(blocks) -> list:
    return [p for block in blocks for p in block if hasattr(p, "et_what")]


@pytest.mark.parametrize("lang, who, prices", [
    # params/kompassen-demo.yaml: cost_benefit.price_year 2023; the lead perspective is the public funders together
    ("sv", "för de offentliga finansiärerna", "nuvärde i 2023 års priser"),
    ("en", "for the public financiers", "present value in 2023 prices"),
])
def test_the_tornado_and_histogram_captions_say_whose_net_present_value_and_which_prices(lang, who, prices):
    import yaml
    params = yaml.safe_load((PARAMS / "kompassen-demo.yaml").read_text(encoding="utf-8"))
    assert params["cost_benefit"]["price_year"] == 2023
    figures = _figures(cb_section.blocks(sample_report("kompassen-demo", lang)))
    tornado = [f for f in figures if f.et_what.startswith(("Tornadodiagram", "Tornado chart"))]
    histogram = [f for f in figures if f.et_what.startswith(("Histogram",))]
    assert tornado and histogram
    for f in tornado + histogram:
        assert who in f.et_what and prices in _plain(f.et_what), f.et_what


@pytest.mark.parametrize("lang, prices, whose", [("sv", "i löpande priser", "från kommunen"),
                                                 ("en", "in current prices", "from the municipality")])
def test_the_event_study_caption_says_the_payments_are_the_municipalitys_in_current_prices(lang, prices, whose):
    from evaltools.present.sections import payments
    # the section's own table of the same months says "Kr per hushåll och månad" of payments as paid out
    [fig] = [p for p in payments.event_study_blocks(sample_report("kompassen-demo", lang)) if hasattr(p, "et_what")]
    assert prices in fig.et_what and whose in fig.et_what


# --- 5. columns of figures set to the right -------------------------------------------------------------------

def test_the_assumptions_value_and_range_are_set_to_the_right():
    r = sample_report("kompassen-demo", "sv")
    [table] = [p for block in cb_section.blocks(r) for p in block
               if isinstance(p, Table) and "Prövas mellan" in p.frame.columns]
    assert {"Värde", "Prövas mellan"} <= table.numeric
    html = table._repr_html_()
    assert "<th scope='col' class='num'>Värde</th>" in html
    assert "<th scope='col' class='txt'>Källa</th>" in html
    # a value such as "25 %" is a figure, set as one
    assert re.search(r"<td class='num'>[^<]*\d", html)


def test_the_flagged_reference_values_are_set_to_the_right():
    from evaltools.present.sections import quality
    # Samverkan i praktiken counts its personår on a riksnorm the tool estimates ("verktygets uppskattningar" on its
    # page 1): a flagged reference value, listed in the data-quality section
    r = sample_report("samverkan-i-praktiken", "sv")
    tables = [p for block in quality.blocks(r) for p in block if isinstance(p, Table) and "Värde" in p.frame.columns]
    assert tables
    for table in tables:
        assert "Värde" in table.numeric
        assert "<td class='num'>" in table._repr_html_()


# --- 6. the portfolio says each project's horizon where they differ, and why its amounts are not page 1's ------

def _portfolio_sentences(pids: list[str], lang: str = "sv") -> list[str]:
    from evaltools.present.portfolio import Portfolio
    p = Portfolio([PARAMS / f"{pid}.yaml" for pid in pids], lang=lang)
    return [_plain(s) for text in p.conclusions() for s in text.paragraphs]


def _horizon_and_price_year(pid: str) -> tuple[int, int]:
    import yaml
    cb = yaml.safe_load((PARAMS / f"{pid}.yaml").read_text(encoding="utf-8"))["cost_benefit"]
    return int(cb["horizon_years"]), int(cb["price_year"])


def test_the_portfolio_says_each_horizon_where_they_differ_and_the_price_years_of_the_reports():
    # params: Vägen ut counts over 3 years in 2019 prices, Nästa steg over 1 year in 2024 prices; the portfolio
    # restates both in the later year, 2024, so Vägen ut's page 1 amounts are not those of the portfolio
    assert _horizon_and_price_year("timra-vagen-ut") == (3, 2019)
    assert _horizon_and_price_year("nasta-steg") == (1, 2024)
    intro, timra, nasta = _portfolio_sentences(["timra-vagen-ut", "nasta-steg"])
    assert "Beloppen är nettonuvärden i 2024 års priser" in intro
    assert "så där står andra belopp än här: 2019 års priser för Vägen ut för sjukskrivna." in intro
    assert "olika tidshorisonter" in intro
    assert timra.startswith("Vägen ut för sjukskrivna:") and " räknat över 3 år (" in timra
    assert nasta.startswith("Nästa steg") and " räknat över 1 år (" in nasta


def test_the_portfolio_says_no_horizon_per_project_where_they_are_the_same():
    # Vägen ut and Kompassen both count over 3 years (2019 and 2023 prices): the intro's "each with its project's
    # horizon" says it, and each row need not
    assert _horizon_and_price_year("kompassen-demo") == (3, 2023)
    intro, *rows = _portfolio_sentences(["timra-vagen-ut", "kompassen-demo"])
    assert "olika tidshorisonter" not in intro
    assert "2019 års priser för Vägen ut för sjukskrivna." in intro and "Kompassen" not in intro
    assert rows and not any("räknat över" in r for r in rows)


def test_a_range_in_the_assumptions_table_may_wrap_after_till_but_a_figure_keeps_its_unit():
    from .conftest import page_text_boxes, printed_page
    # a row as Kompassen's "Lönestöd per månad": value 12 000 kr, tested from 0 kr to 16 000 kr, a source of a paragraph
    # (set on one line, the range narrowed the source column and pushed the sensitivity analysis a page on)
    source = " ".join(["uppskattning: lönebidrag täcker högst 80 % av en lönekostnad upp till omkring 20 000 kr"] * 3)
    from evaltools.words.formats import fmt_kr
    frame = pd.DataFrame({"Antagande": ["Lönestöd per månad"], "Värde": [fmt_kr(12_000, "sv")],
                          "Prövas mellan": [f"{fmt_kr(0, 'sv')} till {fmt_kr(16_000, 'sv')}"], "Källa": [source],
                          "Osäkert": ["ja"]})
    table = Table(frame, paragraphs=True, numeric=("Värde", "Prövas mellan"))
    boxes = [_plain(t).strip() for page in page_text_boxes(printed_page(table._repr_html_())) for t, *_ in page]
    # the range on two lines, each figure whole with its unit; the value on one line
    assert "0 kr till" in boxes and "16 000 kr" in boxes
    assert "0 kr till 16 000 kr" not in boxes and "16" not in boxes and "000 kr" not in boxes
    assert "12 000 kr" in boxes


@pytest.mark.parametrize("pids, said", [
    # params: Vägen ut 3 years, Nästa steg 1 year (the costs' table has no column for the horizon)
    (["timra-vagen-ut", "nasta-steg"], "Nettonuvärdena räknas över olika tidshorisonter och går inte att jämföra rakt "
                                       "av: 3 år för Vägen ut för sjukskrivna; 1 år för Nästa steg (fiktivt exempel)."),
    (["timra-vagen-ut", "kompassen-demo"], None),  # both 3 years: nothing to say
])
def test_the_costs_table_notes_say_the_horizons_where_they_differ(pids, said):
    from evaltools.present.portfolio import Portfolio
    notes = Portfolio([PARAMS / f"{pid}.yaml" for pid in pids], lang="sv").horizons_note()
    assert notes == ([said] if said else [])
