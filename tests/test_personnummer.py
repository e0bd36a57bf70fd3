"""No personnummer reaches a report, whatever the evaluator writes or names.

Each spelling and each place below once got a made-up number (811218-9876) into a published
report: the evaluator's Markdown as rendered, a wording override file, a title or label written
with an en dash, an ISO date or an invisible character, a data file reached through a symbolic
link, and the params file's own name. Every case must be refused with a message that names the
file and the place, never the number; ordinary figures must pass.
"""
from __future__ import annotations

import hashlib
import json
import re
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest

from evaltools.data import privacy

from evaltools.publish import render
from evaltools.data.params import load_params
from evaltools.data.errors import ParamsError, PersonalIdentityNumberError
from evaltools.data.project import load_project
from evaltools.present.narrative import NarrativeError, parse
from evaltools.data.privacy import find_personnummer, neutral_name, public_name, redact
from evaltools.words.text import TextError, load_overrides

from .conftest import participants_frame, write_csv

# every report rendered here gets its kernel from the worker's zygote (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("worker_zygote")

ZWSP = "\u200b"
# The red team's spellings and the Unicode variants of the separator (a made-up date and number).
SPELLINGS = {
    "en dash": "811218\u20139876",
    "em dash": "811218\u20149876",
    "minus sign": "811218\u22129876",
    "non-breaking hyphen": "811218\u20119876",
    "full-width hyphen": "811218\uff0d9876",
    "iso date then number": "1981-12-18-9876",
    "iso date, en dash": "1981-12-18\u20139876",
    "zero-width space inside": f"8112{ZWSP}18-9876",
    "zero-width space before the last four": f"811218-{ZWSP}9876",
    "soft hyphen inside": "8112\u00ad18-9876",
    "word joiner": "811218\u20609876",
    "no-break space": "811218\u00a09876",
    "full-width digits": "\uff18\uff11\uff11\uff12\uff11\uff18-9876",
    "split over two lines": "811218-\n9876",
    "last four split": "811218-98 76",
    "century, no separator": "198112189876",
    "samordningsnummer": "811278-9876",
    "plus (over 100)": "811218+9876",
}
# Figures a report prints all the time: none may be taken for a personnummer.
ORDINARY = ["1 128 000 kr", "3 863 075", "3863075", "1\u00a0128\u00a0000 kr", "2019-10-15", "2019-10-15 \u2013 2020-06-30",
            "2019-10-15\u20132020-06-30", "2018\u20132019", "2018-2019", "12,5 %", "57 %", "2025-01-15 00:00:00",
            "20240115", "| 2019-10-15 | 1500 |", "| 2019-10-15 | 1 128 000 |", "Dnr 2019/1234", "12345678901",
            "230131-240130", "1 128 000 2 000 000", "P017", "år 2023"]


def _clean(message: str) -> None:
    """A refusal never repeats the number, in any spelling."""
    assert not find_personnummer(message), message
    assert "9876" not in message and "98 76" not in message and "8112" not in message, message
    assert "Traceback" not in message


# --- the guard ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text", SPELLINGS.values(), ids=SPELLINGS.keys())
def test_every_spelling_is_found_and_redacted(text):
    assert find_personnummer(text)
    assert find_personnummer(f"Kontakt: {text}, tack")
    red = redact(f"Kontakt: {text}, tack")
    assert red.startswith("Kontakt: ") and red.endswith(", tack")
    assert not find_personnummer(red) and "9876" not in red and "98 76" not in red


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_figures_are_not_taken_for_a_personnummer(text):
    assert not find_personnummer(text)
    assert redact(text) == text


def test_the_check_digit_is_not_required_but_the_date_is():
    # Luhn by hand for 811218-987?: 8*2=16->7, 1, 1*2=2, 2, 1*2=2, 8, 9*2=18->9, 8, 7*2=14->5; sum 44,
    # so the check digit is 6: 811218-9876 is valid and 811218-9875 is not; both are refused
    assert find_personnummer("811218-9876") and find_personnummer("811218-9875")
    # not a date: month 13, day 32, 30 February, day 0; these are refused as nothing
    for text in ("811318-9876", "811232-9876", "810230-9876", "811200-9876", "1981-13-18-9876"):
        assert not find_personnummer(text), text
    # 29 February is a date (in a leap year), and day + 60 is a samordningsnummer
    assert find_personnummer("840229-9876") and find_personnummer("840289-9876")


# --- cause 1: the evaluator's Markdown, as rendered --------------------------------------------
MARKDOWN = {
    "bold last four": "811218-**9876**",
    "escaped dash": "811218\\-9876",
    "entity dash": "811218&#45;9876",
    "entity dash, named": "811218&minus;9876",
    "split over two lines": "811218-\n9876",
    "split by a link": "[811218](http://a.example)-9876",
    "split by emphasis": "*811218*-9876",
    "split by a comment": "811218<!-- x -->-9876",
    "two paragraphs": "811218\n\n-9876",
    "in a link address": "[se här](http://a.example/811218%2D9876)",
    "in a link title": '[se här](http://a.example "811218-9876")',
    "en dash": "811218\u20139876",
    "iso date then number": "1981-12-18-9876",
    "zero-width space": f"8112{ZWSP}18-9876",
}


@pytest.mark.parametrize("spelling", MARKDOWN.values(), ids=MARKDOWN.keys())
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_evaluators_text_is_checked_as_rendered(spelling, lang):
    head = "## Genomförande" if lang == "sv" else "## Implementation"
    text = f"{head}\nFörsta stycket.\n\nEn person, {spelling}, deltog.\n\nSista stycket.\n"
    with pytest.raises(NarrativeError) as e:
        parse(text, f"params/text/p.{lang}.md", lang)
    message = str(e.value)
    assert message.startswith(f"params/text/p.{lang}.md:") and ("rad 4:" if lang == "sv" else "line 4:") in message and "personnummer" in message
    _clean(message)


def test_ordinary_figures_in_the_evaluators_text_pass():
    text = ("## Genomförande\nProjektet pågick 2019-10-15 \u2013 2020-06-30 (2018\u20132019 förberedelser) och "
            "kostade **1 128 000 kr**, av 3 863 075 kr.\n12,5 % gick till arbete.\n\n| Datum | Belopp |\n|---|---|\n"
            "| 2019-10-15 | 1500 |\n| 2020-01-31 | 1 128 000 |\n")
    assert "implementation" in parse(text)


def test_a_heading_with_a_number_is_refused_without_echoing_it():
    with pytest.raises(NarrativeError) as e:
        parse("## Kontakt 811218\u20139876\nText.\n", "p.sv.md")
    assert "rad 1:" in str(e.value)
    _clean(str(e.value))


# --- cause 2: wording override files -------------------------------------------------------------
@pytest.mark.parametrize("spelling", ["811218-9876", *SPELLINGS.values()],
                         ids=["plain", *SPELLINGS.keys()])
def test_a_wording_override_with_a_personnummer_is_refused_by_file_and_key(spelling, tmp_path):
    path = tmp_path / "wording" / "p.sv.yaml"
    path.parent.mkdir()
    path.write_text("summary:\n  heading: " + json.dumps("Kontakt " + spelling) + "\n", encoding="utf-8")
    with pytest.raises(TextError) as e:
        load_overrides(path, "sv")
    message = str(e.value)
    assert str(path) in message and "summary.heading" in message and "personnummer" in message
    _clean(message)


@pytest.mark.parametrize("body", ["summary: {heading: 8112189876}", "summary: {'x811218-9876': a}",
                                  "summary:\n  ongoing: {one: 'a 811218-9876', other: b}"])
def test_a_number_as_a_value_key_or_plural_form_is_never_echoed(body, tmp_path):
    path = tmp_path / "p.sv.yaml"
    path.write_text(body + "\n", encoding="utf-8")
    with pytest.raises(TextError) as e:
        load_overrides(path, "sv")
    _clean(str(e.value))


def test_ordinary_wording_passes(tmp_path):
    path = tmp_path / "p.sv.yaml"
    path.write_text("summary: {heading: 'Sammanfattning 2018\u20132019 (budget 1 128 000 kr)'}\n", encoding="utf-8")
    assert load_overrides(path, "sv") == {"summary.heading": "Sammanfattning 2018\u20132019 (budget 1 128 000 kr)"}


# --- cause 3: titles, descriptions, English labels and data cells --------------------------------
BASE = "id: ok\ntitle: T\nforbund: F\nowner: O\nperiod: {start: 2022-01-01, planned_end: 2023-12-31}\n"
PLACES = {
    "title": ("title", "title: {v}"),
    "title_en": ("title_en", "title_en: {v}"),
    "description": ("description", "description: {v}"),
    "description_en": ("description_en", "description_en: {v}"),
    "goal label_en": ("mål 1 (id: g1), label_en", "goals: [{{id: g1, kind: qualitative, label: Mål, label_en: {v}}}]"),
}


@pytest.mark.parametrize("spelling", ["811218\u20139876", "1981-12-18-9876", f"8112{ZWSP}18-9876"],
                         ids=["en dash", "iso date", "zero-width space"])
@pytest.mark.parametrize("place", PLACES)
def test_a_personnummer_in_params_text_is_refused_in_every_spelling(place, spelling, tmp_path):
    where, line = PLACES[place]
    text = BASE.replace("title: T\n", "") if place == "title" else BASE
    path = tmp_path / "p.yaml"
    path.write_text(text + line.format(v=json.dumps("Kontakt " + spelling)) + "\n", encoding="utf-8")
    with pytest.raises(ParamsError) as e:
        load_params(path)
    message = str(e.value)
    assert where in message and "personnummer" in message
    _clean(message)


@pytest.mark.parametrize("spelling", ["811218\u20139876", "1981-12-18-9876", f"8112{ZWSP}18-9876"],
                         ids=["en dash", "iso date", "zero-width space"])
def test_a_personnummer_in_a_data_cell_is_refused_in_every_spelling(spelling, tiny_project):
    df = participants_frame()
    df.loc[2, "person_id"] = spelling  # the file's row 4 (the header is row 1)
    write_csv(tiny_project.dir / "data" / "participants.csv", df)
    with pytest.raises(PersonalIdentityNumberError) as e:
        load_project(tiny_project())
    message = e.value.message("en")
    assert "participants.csv" in message and "row 4" in message and "person_id" in message
    _clean(message)


def test_a_number_in_a_params_comment_is_refused_by_line(tmp_path):
    """The appendix prints the params file as written, comments included."""
    path = tmp_path / "p.yaml"
    path.write_text(BASE + "# kontakt: 811218\u20139876\n", encoding="utf-8")
    with pytest.raises(ParamsError) as e:
        load_params(path)
    assert "rad 6" in str(e.value) and "line 6" in e.value.message("en")
    _clean(str(e.value))


# --- cause 4: file names, through links, and the params file's own name ---------------------------
def test_a_data_file_reached_through_a_link_is_checked_by_its_target(tiny_project):
    data = tiny_project.dir / "data"
    target = data / "811218-9876.csv"
    target.write_bytes((data / "participants.csv").read_bytes())
    (data / "deltagare.csv").symlink_to(target)
    with pytest.raises(ParamsError) as e:
        load_params(tiny_project(data_block="data:\n  participants: data/deltagare.csv\n"))
    assert "data.participants" in str(e.value)
    _clean(str(e.value))


def test_a_link_to_a_link_is_followed_to_the_end(tiny_project):
    data = tiny_project.dir / "data"
    target = data / "19811218-9876.csv"
    target.write_bytes((data / "participants.csv").read_bytes())
    (data / "mellan.csv").symlink_to(target.name)  # relative link
    (data / "deltagare.csv").symlink_to("mellan.csv")
    assert privacy.file_names(data / "deltagare.csv") == ["deltagare.csv", "mellan.csv", "19811218-9876.csv"]
    with pytest.raises(ParamsError):
        load_params(tiny_project(data_block="data:\n  participants: data/deltagare.csv\n"))


@pytest.mark.parametrize("name", ["811218-9876.yaml", "811218\u20139876.yaml", "1981-12-18-9876.yaml"])
def test_the_params_files_own_name_is_checked(name, tiny_project):
    path = tiny_project()
    named = path.with_name(name)
    path.rename(named)
    with pytest.raises(ParamsError) as e:
        load_params(named)
    assert "parameterfilens eget namn" in str(e.value) and "params file's own name" in e.value.message("en")
    _clean(str(e.value))


def test_a_params_file_reached_through_a_link_is_checked_by_its_target(tiny_project):
    path = tiny_project()
    target = path.with_name("811218-9876.yaml")
    path.rename(target)
    path.symlink_to(target)
    with pytest.raises(ParamsError) as e:
        load_params(path)
    _clean(str(e.value))


def test_the_neutral_name_hides_the_name_and_comes_from_the_content(tmp_path):
    target = tmp_path / "811218-9876.csv"
    target.write_bytes(b"person_id\nP1\n")
    link = tmp_path / "deltagare.csv"
    link.symlink_to(target)
    expected = "fil-" + hashlib.sha256(b"person_id\nP1\n").hexdigest()[:10] + ".csv"
    assert neutral_name(target) == expected
    assert public_name(target) == expected and public_name(link) == expected
    plain = tmp_path / "budget.csv"
    plain.write_bytes(b"x")
    assert public_name(plain) == "budget.csv"


def test_the_appendix_shows_neutral_names_only(tmp_path):
    """The last guard: should a name like a personnummer reach the appendix, it is not printed."""
    from evaltools.present.sections import footer
    params_file = tmp_path / "811218-9876.yaml"
    params_file.write_text("id: p\n", encoding="utf-8")
    link = tmp_path / "p.yaml"
    link.symlink_to(params_file)
    params = SimpleNamespace(source_path=link)
    project = SimpleNamespace(checksums={"811218\u20139876.csv": "ab" * 32, "budget.csv": "cd" * 32})
    r = SimpleNamespace(params=params, project=project, msg=lambda key: key)
    rows = footer.rows(r)
    text = "\n".join(f"{a} {b}" for a, b in rows)
    assert not find_personnummer(text) and "9876" not in text
    assert "SHA-256 budget.csv" in text
    assert ("footer.params_file", neutral_name(params_file, "params")) in rows


# --- a render: ordinary figures pass, a hostile project publishes no number ----------------------
def _published_text(folder: Path) -> str:
    """The text of every file in ``folder`` (and the other files' names), without the SHA-256 checksums of
    status files and appendices: 64 hex digits of a file's content, which change with its date and hold
    ten decimal digits shaped like a personnummer in about one checksum of fifty."""
    out = []
    for p in sorted(folder.rglob("*")):
        if p.is_file() and p.suffix in (".html", ".json", ".ipynb", ".csv", ".md", ".txt"):
            out.append(p.name + "\n" + p.read_text(encoding="utf-8", errors="replace"))
        elif p.is_file():
            out.append(p.name)
    return re.sub(r"(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])", "<sha256>", "\n".join(out))


def test_a_report_with_ordinary_figures_still_renders_and_a_hostile_one_publishes_no_number(tiny_project, tmp_path):
    reports = tmp_path / "reports"
    path = tiny_project()
    text_dir, wording_dir = path.parent / "text", path.parent / "wording"
    text_dir.mkdir()
    wording_dir.mkdir()
    (text_dir / "tiny.sv.md").write_text(textwrap.dedent("""\
        ## Genomförande
        Projektet pågick 2022-01-01 \u2013 2023-12-31 (förberett 2020\u20132021) och kostade **1 128 000 kr**.
        """), encoding="utf-8")
    (wording_dir / "tiny.sv.yaml").write_text("summary: {heading: 'Sammanfattning 2022\u20132023'}\n", encoding="utf-8")
    res = render.render_project(path, reports, formats=("html",))
    assert res.ok, res.error
    page = (reports / "tiny" / "tiny.html").read_text(encoding="utf-8")
    assert "1 128 000 kr" in page and "Sammanfattning 2022\u20132023" in page

    # the same project with a number in the evaluator's text, then in the wording: refused, nothing published
    (text_dir / "tiny.sv.md").write_text("## Genomförande\nKontakt 811218-**9876**.\n", encoding="utf-8")
    res = render.render_project(path, reports, formats=("html",))
    assert not res.ok and "tiny.sv.md" in res.error and "rad 2" in res.error
    (text_dir / "tiny.sv.md").unlink()
    (wording_dir / "tiny.sv.yaml").write_text("summary: {heading: 'Kontakt 811218\u20139876'}\n", encoding="utf-8")
    res = render.render_project(path, reports, formats=("html",))
    assert not res.ok and "summary.heading" in res.error
    # a params file named like a personnummer: refused, and its status is filed under a neutral name
    (wording_dir / "tiny.sv.yaml").unlink()
    named = path.with_name("811218-9876.yaml")
    path.rename(named)
    res = render.render_project(named, reports, formats=("html",))
    assert not res.ok and res.project_id == neutral_name(named, "params").removesuffix(".yaml")
    render.write_index(reports)
    published = _published_text(reports)
    assert "status.json" in published
    assert not find_personnummer(published)


def test_a_number_completed_by_a_placeholder_is_refused(tmp_path):
    path = tmp_path / "p.sv.yaml"
    # summary.participants takes {n} and {years}: the figure filled in would complete the number
    path.write_text("summary: {participants: 'Kontakt 811218-{n} ({years})'}\n", encoding="utf-8")
    with pytest.raises(TextError) as e:
        load_overrides(path, "sv")
    assert "summary.participants" in str(e.value)
    _clean(str(e.value))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_packages_own_wording_passes_the_check(lang, tmp_path):
    """Every message of the catalog, given back as an override, is accepted: the check adds no false alarm."""
    import yaml

    from evaltools.words.text import OVERRIDABLE, catalog
    own = {k: v for k, v in catalog(lang).messages.items() if k.startswith(OVERRIDABLE)}
    tree: dict = {}
    for key, value in own.items():
        *parents, leaf = key.split(".")
        node = tree
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    path = tmp_path / f"p.{lang}.yaml"
    path.write_text(yaml.safe_dump(tree, allow_unicode=True), encoding="utf-8")
    assert load_overrides(path, lang) == own


def test_the_fast_first_pass_over_data_cells_lets_every_spelling_through():
    import pandas as pd

    from evaltools.data.privacy import may_hold_personnummer
    cells = pd.Series([*SPELLINGS.values(), "8,11219E+09", "811218-T123", f"8{ZWSP},11219E+09"])
    assert may_hold_personnummer(cells).all()
    plain = pd.Series(["kvar_försörjningsstöd", "2025-01-15 00:00:00", "2025-01-15", "12000", "P0017", None])
    assert not may_hold_personnummer(plain).any()


def test_a_personnummer_in_a_column_that_is_no_id_says_to_write_the_cells_right_value(tiny_project):
    """In the sex column (no id), a project code would be wrong advice: the message says to write a project code where
    the column is the participant's id, else the cell's right value."""
    df = participants_frame()
    df.loc[1, "sex"] = "811218-9876"  # the file's row 3
    write_csv(tiny_project.dir / "data" / "participants.csv", df)
    with pytest.raises(PersonalIdentityNumberError) as e:
        load_project(tiny_project())
    sv, en = e.value.message("sv"), e.value.message("en")
    assert "rad 3" in sv and "'sex'" in sv and "annars mot cellens rätta värde" in sv
    assert "else with the cell's right value" in en
    _clean(en)
