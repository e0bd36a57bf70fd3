"""Report wording: the catalogs are complete and alike in both languages, every entry is used, and
a project's own wording is checked before it can give a broken sentence."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from evaltools.words import text
from evaltools.words.text import TextError, catalog, message_placeholders, msg, placeholders, plural
from evaltools.data.assumptions import REGISTRY

from .conftest import ROOT

PACKAGE = ROOT / "evaltools"
# families whose last part is a code the program computes (a status, an actor, a loader warning,
# an assumption's name, a column's value kind): such a key is used when its code is written
# somewhere in the package; the loader's messages (messages.<id>) are asked for by their id
CODE_FAMILIES = ("label.", "who.", "quality.warning.", "messages.expect.", "messages.",
                 # the ledger's items, row sources and paying actors (analysis.costbenefit.ledger's codes)
                 "costbenefit.register.items.", "costbenefit.register.sources.", "costbenefit.register.benefit_")
# an assumption's words (assumption.<name>.label/.unit/.definition) are asked for by the registry's codes
ASSUMPTION_KEY = re.compile(r"assumption\.(\w+)\.(label|unit|definition)")


def test_both_languages_have_the_same_keys():
    sv, en = catalog("sv").messages, catalog("en").messages
    assert sorted(set(sv) - set(en)) == []
    assert sorted(set(en) - set(sv)) == []


def test_placeholders_are_the_same_in_both_languages():
    sv, en = catalog("sv").messages, catalog("en").messages
    differ = {k: (sorted(message_placeholders(sv[k])), sorted(message_placeholders(en[k])))
              for k in sv if message_placeholders(sv[k]) != message_placeholders(en[k])}
    assert differ == {}
    plural_kinds = {k for k in sv if isinstance(sv[k], dict)} ^ {k for k in en if isinstance(en[k], dict)}
    assert plural_kinds == set()


def _package_source() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))


def unused_keys(messages: dict, source: str) -> list[str]:
    """Catalog keys that no code names: neither the key written out in quotes, nor (for a code
    family) the code its last part stands for."""
    quoted = set(re.findall(r"""["']([^\W\d][\w.]*)["']""", source))
    unused = []
    for key in messages:
        if key in quoted:
            continue
        if any(key.startswith(f) and key[len(f):] in quoted for f in CODE_FAMILIES):
            continue
        m = ASSUMPTION_KEY.fullmatch(key)
        if m and m.group(1) in REGISTRY:
            continue
        unused.append(key)
    return unused


def test_every_catalog_entry_is_used():
    assert unused_keys(catalog("sv").messages, _package_source()) == []


def test_the_unused_check_finds_an_unused_entry():
    messages = dict(catalog("sv").messages, **{"summary.never_said": "x", "label.no_such_code": "y",
                                               "messages.cell.never_said": "z"})
    assert unused_keys(messages, _package_source()) == ["summary.never_said", "label.no_such_code",
                                                        "messages.cell.never_said"]


def test_every_key_the_package_asks_for_exists():
    """The other direction: a msg()/plural() call with a literal key that the catalog lacks."""
    source = _package_source()
    asked = set(re.findall(r"""\b(?:msg|plural|m)\(\s*["']([a-z_]+\.[a-z_.]+)["']""", source))
    assert asked, "the scan found no calls"
    assert sorted(k for k in asked if k not in catalog("sv")) == []


def test_every_loader_message_the_package_asks_for_exists():
    """message("cell.empty", ...) and problem(..., "cell.empty", ...) name messages.<id>."""
    source = _package_source()
    asked = set(re.findall(r"""\bmessage\(\s*["']([a-z_]+(?:\.[a-z_]+)*)["']""", source))
    asked |= set(re.findall(r"""\bproblem\([^()]*?["']([a-z_]+\.[a-z_]+)["']""", source))
    assert {"cell.empty", "none", "params.head", "column.missing"} <= asked, "the scan missed known calls"
    assert sorted(k for k in asked if "messages." + k not in catalog("sv")) == []


def test_msg_fills_named_placeholders_and_plural_forms():
    assert msg("summary.participants", "sv", n="52", years="37 under år 1 och 15 under år 2") == \
        "Projektet har haft 52 deltagare (37 under år 1 och 15 under år 2)."
    assert plural("summary.ongoing", "en", 1, n="1", date="2024-01-31") == "On the analysis date, 2024-01-31, 1 participant was still enrolled."
    assert plural("summary.ongoing", "en", 3, n="3", date="2024-01-31") == "On the analysis date, 2024-01-31, 3 participants were still enrolled."
    assert text.join(["a", "b", "c"], "sv") == "a, b och c"
    assert text.join(["a"], "en") == "a"


def test_msg_refuses_missing_or_unknown_values():
    with pytest.raises(TypeError, match="missing \\['years'\\]"):
        msg("summary.participants", "sv", n="5")
    with pytest.raises(TypeError, match="unknown \\['m'\\]"):
        msg("summary.participants", "sv", n="5", years="", m="x")
    with pytest.raises(KeyError, match="no.such"):
        msg("no.such", "sv")


@pytest.mark.parametrize("bad", ["{x.__class__}", "{x[0]}", "{x!r}", "{x:>9}", "{}", "{0}", "a { b"])
def test_only_plain_named_placeholders(bad):
    with pytest.raises(ValueError):
        placeholders(bad)


def test_catalog_is_read_once():
    assert catalog("sv") is catalog("sv")


# --- a förbund's own wording --------------------------------------------------------------

def _override(tmp_path: Path, body: str, lang: str = "sv") -> Path:
    params = tmp_path / "params" / "mitt-projekt.yaml"
    path = text.override_path(params, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return params


def test_override_rewords_a_message(tmp_path):
    params = _override(tmp_path, "summary:\n  heading: Det viktigaste\n"
                                 "  participants: 'Insatsen har haft {n} deltagare ({years}).'\n")
    words = text.project_catalog(params, "sv")
    assert words.msg("summary.heading") == "Det viktigaste"
    assert words.msg("summary.participants", n="7", years="7 under år 1") == "Insatsen har haft 7 deltagare (7 under år 1)."
    assert words.msg("facts.heading") == "Om projektet"  # the rest stays the package's
    assert text.project_catalog(params, "en").msg("summary.heading") == "Summary"  # no English file


def test_override_that_drops_or_adds_a_placeholder_is_an_error_naming_file_and_key(tmp_path):
    params = _override(tmp_path, "summary:\n  participants: 'Insatsen har haft {n} deltagare.'\n"
                                 "  did_decrease: 'Effekten under start och {after} månader var {effect} i {basis} ({low}–{high}) enligt {kalla}.'\n")
    with pytest.raises(TextError) as e:
        text.project_catalog(params, "sv")
    err = str(e.value)
    assert "mitt-projekt.sv.yaml" in err
    # (in the language of the file, the evaluator's)
    assert "summary.participants: tappar {years}" in err
    assert "summary.did_decrease: lägger till okända {kalla}" in err  # both problems at once


@pytest.mark.parametrize(("body", "expected"), [
    ("summary:\n  headline: X\n", "summary.headline: inget sådant meddelande"),
    ("label:\n  goal: Klart\n", "label.goal: det här meddelandet kan inte formuleras om"),
    ("summary:\n  heading: '{heading.__class__}'\n", "summary.heading: platshållaren {heading.__class__} är inte tillåten"),
    ("summary:\n  ongoing: 'en text'\n", "summary.ongoing: förväntat ett par former, one och other"),
    ("summary:\n  heading: [a, b]\n", "summary.heading: förväntat en text"),
    ("- a\n- b\n", "överst i filen förväntas meddelandenycklar"),
    ("summary: {heading: !!python/object/apply:os.system ['true']}\n", "rad 1: texten efter summary:"),
    ("a: &a {x: y}\nb: *a\n", "YAML-alias (*namn) får inte stå"),
    ("summary:\n  heading: 'x\n", "rad 2, kolumn 12: ingen giltig YAML"),
    ("summary:\n  heading: 2024-13-01\n", "inget datum som finns"),
])
def test_hostile_or_broken_override_is_refused(tmp_path, body, expected):
    params = _override(tmp_path, body)
    with pytest.raises(TextError, match=re.escape(expected)):
        text.project_catalog(params, "sv")


def test_override_file_size_is_bounded(tmp_path):
    params = _override(tmp_path, "summary:\n  heading: '" + "x" * (text.MAX_OVERRIDE_BYTES + 1) + "'\n")
    with pytest.raises(TextError, match="får vara högst"):
        text.project_catalog(params, "sv")


def test_report_uses_the_project_wording_and_escapes_it(tiny_project):
    import evaltools as et
    params = tiny_project()
    path = text.override_path(params, "sv")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("summary:\n  heading: '<b>Det viktigaste</b>'\n", encoding="utf-8")
    from evaltools.present.sections import summary
    report = et.Report(params)
    block = summary.blocks(report)[0][0]
    assert block.heading == "<b>Det viktigaste</b>"
    assert "<h2 class='et-lead'>&lt;b&gt;Det viktigaste&lt;/b&gt;</h2>" in block._repr_html_()  # (page 1's heading: set close under the title)
    path.write_text("summary:\n  participants: 'Bara {n}.'\n", encoding="utf-8")
    with pytest.raises(TextError, match="tappar {years}"):
        et.Report(params)
