"""A fixed monthly level's source is the evaluator's own words: an English report shows ``source_en`` where the
params give it (the application's "on average SEK 8,900 a month"), and the command names the key to add where they
do not, instead of a Swedish sentence in an English table."""
from __future__ import annotations

import textwrap

import evaltools as et
from evaltools.publish.cli import swedish_only
from evaltools.words.labels import note_text

LEVEL = """\
    cost_benefit:
      monthly_level:
        method: fixed
        amount_sek: 9000
        amount_year: 2022
        source: "Ansökan: 9 000 kr i månaden"
    """


def _level_source(params, lang: str) -> str:
    report = et.Report(et.load_project(params), lang=lang)
    a = report.cba.assumptions
    (source,) = a.loc[a["name"] == "monthly_level", "source"]
    return note_text(source, lang).replace("\xa0", " ")  # (amounts keep their number and unit together)


def test_an_english_report_shows_the_english_source(tiny_project):
    params = tiny_project(LEVEL.rstrip(" ") + '        source_en: "The application: SEK 9,000 a month"\n')
    assert "The application: SEK 9,000 a month" in _level_source(params, "en")
    assert "Ansökan: 9 000 kr i månaden" not in _level_source(params, "en")
    assert "Ansökan: 9 000 kr i månaden" in _level_source(params, "sv")
    assert swedish_only(et.load_params(params)) == []


def test_without_an_english_source_the_swedish_one_is_shown_and_the_key_named(tiny_project):
    params = tiny_project(textwrap.dedent(LEVEL))
    assert "Ansökan: 9 000 kr i månaden" in _level_source(params, "en")
    assert swedish_only(et.load_params(params)) == ["cost_benefit.monthly_level.source_en"]


def test_a_blank_english_source_is_none(tiny_project):
    params = tiny_project(LEVEL.rstrip(" ") + '        source_en: "   "\n')
    assert "Ansökan: 9 000 kr i månaden" in _level_source(params, "en")
    assert swedish_only(et.load_params(params)) == ["cost_benefit.monthly_level.source_en"]
