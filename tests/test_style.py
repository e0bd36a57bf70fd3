"""The mechanical rules of the style guide (docs/skrivregler.md), checked over the shown text of
every sample report in both languages.

Each report is shown in-process, section by section as its notebook shows it, and what a reader
reads is collected: running text (paragraphs, table notes, the evaluator's text, the title) apart
from table cells and headings, since some rules hold for sentences only ("under 1 %" in a sentence,
"< 1 %" in a cell). A failure names the text that breaks the rule, so it says which sentence to fix.
Each rule is first shown to catch the sentences the board sent back (``test_each_rule_catches_...``).
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import NamedTuple

import pytest

from evaltools.present.display import Table, Text, keep_units

from .conftest import sample_portfolio, sample_report

SAMPLES = ("timra-vagen-ut", "eskilstuna-specialistteamet", "eskilstuna-ansokan", "kompassen-demo", "nasta-steg",
           "samverkan-i-praktiken", "sprangbradan-demo")


class Rule(NamedTuple):
    pattern: str
    langs: tuple[str, ...]
    where: str  # "prose" (sentences) or "all" (sentences, headings and table cells)
    breaks: tuple[str, ...]  # text the rule must catch (from the board's list in the issue)
    keeps: tuple[str, ...]  # text it must let pass


RULES = {
    "true minus sign": Rule(r"(?<![\w\-–/.,])-\d", ("sv", "en"), "all",
                            ("SEK -1.4 million", "(-2,139 – -1,857)"), ("2018-02-01", "SEK \u22121.4 million", "1-2")),
    "no internal names": Rule(r"\b(nan|NaN|None|NaT)\b|\b[a-z]+_[a-zåäö_]+\b", ("sv", "en"), "prose",
                              ("cost_basis saknas", "ej_bedömt", "värdet är nan"), ("kostnadsbas", "Ej bedömt")),
    "probability bounds in words": Rule(r"[<>]\s?\d+[\u00a0 ]?%", ("sv", "en"), "prose",
                                        ("för samhället i < 1\u00a0%.", "> 99 %"), ("under 1\u00a0%", "more than 99%")),
    "sv: non-breaking space before % and kr": Rule(r"\d (%|kr\b)", ("sv",), "all",
                                                   ("40 %", "900 kr"), ("40\u00a0%", "900\u00a0kr", "2 kronor")),
    "sv: counts to twelve in words": Rule(
        r"(?<![\d,.\u00a0−<>])\b([1-9]|1[0-2]) (term|termer|uppdelning|uppdelningar|mål|delperioder|rad|rader|test|"
        r"kategorier)\b", ("sv",), "prose",
        ("1 term visas inte", "Justerat för att 4 uppdelningar prövas", "nådde 1 av sina 4 mål"),
        ("fyra uppdelningar", "13 mål", "3,5 mål", "<5 mål")),
    "sv: one term per concept, no English": Rule(
        r"kostnad–nytto|kostnad-nytto|\bräknas kosta\b|\bunder antaganden\b|\bav de som\b|\bP\(|\bdrop-off\b|"
        r"\bdeadweight\b|\bpayback\b|\b(the|and|of|with|not|on|every|found|annual|mean|estimated|published|"
        r"secondary|verified|value|uprated|items?)\b", ("sv",), "all",
        ("kostnad–nyttoanalysen", "Projektet räknas kosta", "en beräknad besparing under antaganden",
         "80 % av de som skrivs ut", "P(nettonuvärde > 0)", "SROI-guidens 'drop-off'",
         "annual mean change estimated from SCB"),
        ("kostnadsnyttoanalysen", "beräknas kosta", "av dem som", "avtagande effekt (SROI-guiden)")),
    "sv: decimal comma": Rule(r"(?<![\d.\w])\d+\.\d+(?![\d.\w])", ("sv",), "prose",
                              ("2024 × 1.008: ", "48.6 %"), ("48,6 %", "pandas 2.2.3", "2018-02-01")),
    "sv: no capital mid-sentence for a period": Rule(r", (Hela perioden|År \d)", ("sv",), "prose",
                                                     ("hela projekttiden, Hela perioden (2018-02-01",),
                                                     ("hela perioden (2018-02-01",)),
    "en: one percent style": Rule(r"\d[ \u00a0]%", ("en",), "prose", ("50 %", "50\u00a0% each"), ("50%",)),
    "en: no Swedish terms of the toolkit": Rule(
        r"\b(kostnadsnytto\w*|nettonuvärde\w*|dödvikt|skattefaktor\w*|försörjningsstöd)\b", ("en",), "prose",
        ("the nettonuvärde is",), ("the net present value is",)),
}


def _plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


class Shown:
    """What one report shows: ``prose`` (sentences) and ``cells`` (headings, column names, cells),
    each as the report prints it (:func:`evaltools.present.display.keep_units`)."""

    def __init__(self) -> None:
        self.prose: list[str] = []
        self.cells: list[str] = []

    def add(self, *parts: object) -> None:
        for part in parts:
            if part is None:
                continue
            if isinstance(part, Text):
                self.cells += [keep_units(part.heading)] if part.heading else []
                self.prose += [keep_units(_plain(p)) for p in part.paragraphs]
            elif isinstance(part, Table):
                self.cells += [keep_units(str(c)) for c in part.frame.columns]
                self.cells += [keep_units(str(v)) for v in part.frame.astype(str).to_numpy().ravel()]
                self.prose += [keep_units(str(n)) for n in part.notes] + ([keep_units(part.caption)] if part.caption else [])
            elif hasattr(part, "data") and isinstance(part.data, str):  # IPython HTML: the evaluator's text
                # (a file shown as it is, in <pre>, for an auditor, is not the report's language; nor is
                # text marked as another language's, such as the evaluator's Swedish in an English report)
                markup = re.sub(r"<pre.*?</pre>|<div[^>]* lang='\w+'.*?</div>", " ", part.data, flags=re.S)
                self.prose += [_plain(x) for x in re.split(r"</p>|</li>|</h\d>|</td>|</th>", markup) if _plain(x).strip()]
            elif getattr(part, "alt", ""):
                self.prose.append(str(part.alt))


@lru_cache(maxsize=None)
def shown(pid: str, lang: str) -> Shown:
    """Every section of the sample ``pid`` in ``lang``, shown once per test session."""
    from evaltools.present import report as report_module
    r = sample_report(pid, lang)
    seen = Shown()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(report_module, "_display", seen.add)
        ev = r.evaluator_section
        for show in (r.summary, r.facts, lambda: ev("background"), lambda: ev("implementation"), r.goal_section,
                     r.participants_section, r.outcome_section, r.time_section, r.payments_section, r.budget_section,
                     r.costbenefit_section, lambda: ev("analysis"), lambda: ev("lessons"),
                     lambda: ev("recommendations"), r.appendix):
            show()
    seen.prose.append(_plain(r.title_html()))
    return seen


@lru_cache(maxsize=None)
def shown_portfolio(lang: str) -> Shown:
    """The portfolio of the samples in ``lang``: its tables and their notes."""
    from evaltools.present import portfolio as portfolio_module
    p = sample_portfolio(tuple(SAMPLES), lang)
    seen = Shown()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(portfolio_module, "show", seen.add)
        p.overview()
    return seen


def _breaking(texts: list[str], pattern: str) -> list[str]:
    rx = re.compile(pattern)
    return [t for t in texts if rx.search(t)]


@pytest.mark.parametrize("name", list(RULES))
def test_each_rule_catches_the_sentences_the_board_sent_back(name):
    rule = RULES[name]
    assert _breaking(list(rule.breaks), rule.pattern) == list(rule.breaks)
    assert _breaking(list(rule.keeps), rule.pattern) == []


@pytest.mark.parametrize(("pid", "lang", "name"),
                         [(pid, lang, name) for pid in SAMPLES for lang in ("sv", "en") for name, rule in RULES.items()
                          if lang in rule.langs])
def test_every_sample_keeps_the_rule(pid, lang, name):
    rule, s = RULES[name], shown(pid, lang)
    texts = s.prose + (s.cells if rule.where == "all" else [])
    assert not _breaking(texts, rule.pattern)


def test_the_collected_text_is_the_whole_report():
    s = shown("timra-vagen-ut", "sv")
    prose = " ".join(s.prose)
    # page 1, a section's sentence, the evaluator's own text and the appendix are all read
    assert "Projektet har haft 52 deltagare" in prose
    assert any("kostnadsnytto" in t for t in s.prose + s.cells)
    assert len(s.prose) > 50 and len(s.cells) > 100


@pytest.mark.parametrize(("lang", "name"), [(lang, name) for lang in ("sv", "en") for name, rule in RULES.items()
                                            if lang in rule.langs])
def test_the_portfolio_keeps_the_rule(lang, name):
    rule, s = RULES[name], shown_portfolio(lang)
    assert s.cells, "the portfolio showed no table"
    texts = s.prose + (s.cells if rule.where == "all" else [])
    assert not _breaking(texts, rule.pattern)


def test_a_catalog_count_is_a_word_up_to_twelve_and_agrees():
    from evaltools.words.text import plural
    # ("visas inte", not "är dold": a breakdown none of whose groups tells anything is left out of the table whole)
    assert plural("note.terms_hidden", "sv", 1, n=1) == "En term visas inte, eftersom andelen den jämför inte visas i tabellen ovan."
    assert plural("note.terms_hidden", "sv", 3, n=3).startswith("Tre termer visas inte, eftersom andelarna de jämför")
    assert plural("note.terms_hidden", "sv", 13, n=13).startswith("13 termer")
    assert plural("note.terms_hidden", "en", 3, n=3).startswith("Three terms")


def test_a_sentence_joins_a_number_and_its_unit_as_its_language_writes_them():
    from evaltools.words.text import msg
    sv = msg("summary.goal_line_plain", "sv", label="Minst 40 % av de avslutade", verdict="uppnått")
    assert sv == "Minst 40\u00a0% av de avslutade: uppnått."
    # in English, the catalog's own words join them; a goal's label, the project's words, is quoted as written, its
    # space kept on one line with the figure (never "40" at a line's end and "%" below)
    en = msg("summary.goal_line_plain", "en", label="At least 40 % of exits", verdict="achieved")
    assert en == "At least 40\u00a0% of exits: achieved."
    assert msg("summary.goal_line_plain", "en", label="At least 40% of exits", verdict="achieved") \
        == "At least 40% of exits: achieved."
