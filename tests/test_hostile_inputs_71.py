"""Hostile and careless inputs against the params file: thousands of unknown keys (refused in seconds, the first
fifty named and the rest counted), and what else a text field may hold.

Tiny projects written in tmp_path: six participants, no other data. What is expected is counted by hand from the
lines written."""
from __future__ import annotations

import textwrap
import time

import pytest

import evaltools as et
from evaltools.data import params as params_module
from evaltools.data.errors import ParamsError

PARAMS = textwrap.dedent("""\
    id: liten
    kind: individ
    title: Liten
    forbund: Testförbundet
    owner: Testkommun
    period: {start: 2022-01-01, planned_end: 2023-12-31}
    data_as_of: 2023-12-31
    data:
      participants: data/participants.csv
    goals:
      - id: deltagare
        label: Minst 5 deltagare
        kind: participant_count
        target: 5
    """)  # 14 lines
ROWS = "".join(f"P{i};{'kvinna' if i % 2 else 'man'};{1980 + i};ensamstående;2022-0{i}-01;;\n" for i in range(1, 7))


def _project(root, text: str = PARAMS):
    (root / "data").mkdir(parents=True, exist_ok=True)
    (root / "data/participants.csv").write_text(
        "person_id;sex;birth_year;household_type;start_date;end_date;outcome\n" + ROWS, encoding="utf-8")
    path = root / "liten.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _refused(path) -> ParamsError:
    with pytest.raises(ParamsError) as e:
        et.load_params(path)
    return e.value


def test_the_tiny_project_loads(tmp_path):
    assert len(et.load_project(_project(tmp_path)).participants) == 6


# --- 1. thousands of unknown keys ---------------------------------------------------------------------------------

MANY = 20_000
UNKNOWN = PARAMS + "".join(f"k{i}: 1\n" for i in range(MANY))  # k0 on line 15, k49 on 64, k50 on 65


def test_twenty_thousand_unknown_keys_are_refused_in_seconds(tmp_path):
    """Before: about a minute (each key worded with a near-match search, the 20 000 lines redacted character by
    character, and the YAML parsed five times by `evaltools validate`)."""
    path = _project(tmp_path, UNKNOWN)
    began = time.perf_counter()
    e = _refused(path)
    said = e.message("sv")
    took = time.perf_counter() - began
    assert took < 15, took  # (about a second alone; the machine may be busy)
    lines = said.splitlines()
    assert lines[0].endswith(f"{MANY} problem i projektparametrarna:"), lines[0]
    assert len(lines) == 1 + 50 + 1, len(lines)
    assert lines[1].startswith("  - rad 15, k0: projektparametrarna har ingen sådan inställning"), lines[1]
    assert lines[50].startswith("  - rad 64, k49: "), lines[50]
    assert lines[51].startswith("  - och 19 950 problem till, som inte listas här; det första: rad 65, k50: "), lines[51]
    english = e.message("en").splitlines()
    assert english[0].endswith(f"{MANY} problem(s) in the project parameters:") and len(english) == 52, english[0]
    assert english[51].startswith("  - and 19,950 more problems, not listed here; the first: line 65, k50: "), english[51]


def test_the_first_fifty_problems_are_still_all_named_and_counted(tmp_path):
    path = _project(tmp_path, PARAMS + "".join(f"k{i}: 1\n" for i in range(50)))
    said = _refused(path).message("sv").splitlines()
    assert said[0].endswith("50 problem i projektparametrarna:") and len(said) == 51, said[0]
    assert "problem till" not in "\n".join(said)
    said = _refused(_project(tmp_path, PARAMS + "".join(f"k{i}: 1\n" for i in range(51)))).message("sv").splitlines()
    assert said[0].endswith("51 problem i projektparametrarna:"), said[0]
    assert said[-1].startswith("  - och 1 problem till, som inte listas här; det första: rad 65, k50: "), said[-1]


def test_validate_reads_the_yaml_of_thousands_of_keys_once(tmp_path, monkeypatch, capsys):
    """`evaltools validate` read the params file five times (the project, its placeholders, the reports folder's
    check, each twice for the keys' lines): 20 000 lines took YAML two seconds each time."""
    from evaltools.publish import cli
    (tmp_path / "params").mkdir()
    path = _project(tmp_path / "params", UNKNOWN.replace("data/participants.csv", "../data/participants.csv"))
    (tmp_path / "params/data").rename(tmp_path / "data")
    parsed = []
    real = params_module._ParamsLoader.get_single_node

    def counted(self):
        parsed.append(1)
        return real(self)

    monkeypatch.setattr(params_module._ParamsLoader, "get_single_node", counted)
    monkeypatch.setattr(params_module, "_PARSED", {})
    code = cli.main(["validate", str(path)])
    out = capsys.readouterr()
    assert code != 0 and "Traceback" not in out.err + out.out
    assert "och 19 950 problem till" in out.err, out.err[-2000:]
    assert len(parsed) == 1, len(parsed)
    assert len(out.err) < 50_000, len(out.err)


def test_thousands_of_goals_with_problems_are_counted_not_listed(tmp_path):
    goals = "".join(f"  - {{id: g{i}, kind: share, x{i}: 1}}\n" for i in range(3000))  # each: no label, no target,
    path = _project(tmp_path, PARAMS.replace("goals:\n", "goals:\n" + goals))     # x{i} unknown
    said = _refused(path).message("sv").splitlines()
    assert len(said) == 52 and "problem i projektparametrarna" in said[0], said[0]
    assert said[-1].startswith("  - och "), said[-1]


def test_thousands_of_control_characters_are_counted_not_listed(tmp_path):
    path = _project(tmp_path, PARAMS + "".join(f'k{i}: "a\\x01"\n' for i in range(3000)))
    said = _refused(path).message("sv").splitlines()
    assert said[0].endswith("3000 problem i projektparametrarna:") and len(said) == 52, said[0]
    assert said[-1].startswith("  - och 2 950 problem till, som inte listas här; det första: rad 65, k50: "), said[-1]
    assert "U+0001" in said[-1]


def test_the_params_read_twice_are_not_one_mapping_shared(tmp_path):
    """The parsed file is kept for the next read; what a caller changes in the mapping it got is not kept with it."""
    path = _project(tmp_path)
    first = params_module.read_params_mapping(path)
    first["goals"][0]["target"] = 99
    first["title"] = "Ändrad"
    again = params_module.read_params_mapping(path)
    assert again["title"] == "Liten" and again["goals"][0]["target"] == 5
    assert et.load_params(path).goals[0].target == 5


# --- 2. texts that show nothing, and goal ids that look like others -----------------------------------------------

@pytest.mark.parametrize("key, written, line, said", [
    ("title", '"\u200b\u2060"', 3, "title: står en text utan ett enda synligt tecken (U+200B, U+2060)"),
    ("title", '"   "', 3, "title: står en text utan ett enda synligt tecken (U+0020)"),
    ("title", '""', 3, "title: står en tom text ('')"),
    ("owner", '"\u00a0"', 5, "owner: står en text utan ett enda synligt tecken (U+00A0)"),
    ("forbund", '"\u3164"', 4, "forbund: står en text utan ett enda synligt tecken (U+3164)"),
    ("label", '"\u200b"', 12, "mål 1 (id: deltagare), label: står en text utan ett enda synligt tecken (U+200B)"),
    ("label", "''", 12, "mål 1 (id: deltagare), label: står en tom text ('')"),
])
def test_a_text_that_shows_nothing_is_refused_at_its_line(tmp_path, key, written, line, said):
    """Before, a title of a zero-width space alone (or an empty label) was read, and the report printed nothing
    where the project's name or the goal stands."""
    old = {"title": "title: Liten", "owner": "owner: Testkommun", "forbund": "forbund: Testförbundet",
           "label": "label: Minst 5 deltagare"}[key]
    message = _refused(_project(tmp_path, PARAMS.replace(old, f"{key}: {written}"))).message("sv")
    assert f"  - rad {line}, {said}" in message, message
    assert "1 problem" in message


def test_an_english_title_of_a_zero_width_space_is_refused_too(tmp_path):
    """display_title takes title_en where it is truthy: '\u200b' is, and the English report had no title."""
    message = _refused(_project(tmp_path, PARAMS.replace("title: Liten", 'title: Liten\ntitle_en: "\u200b"'))).message("en")
    assert "  - line 4, title_en: holds a text without a single visible character (U+200B)" in message, message


def test_a_text_with_a_zero_width_space_among_its_words_is_read_as_written(tmp_path):
    path = _project(tmp_path, PARAMS.replace("label: Minst 5 deltagare", 'label: "Minst 5\u200b deltagare"'))
    assert et.load_params(path).goals[0].label == "Minst 5\u200b deltagare"


def test_a_goal_id_with_a_zero_width_space_is_refused_naming_the_character(tmp_path):
    """Before, 'deltagare' and 'delta\u200bgare' were two goals whose ids look the same in every output."""
    second = "  - id: delta\u200bgare\n    label: Minst 4 deltagare\n    kind: participant_count\n    target: 4\n"
    message = _refused(_project(tmp_path, PARAMS + second)).message("sv")
    assert "  - rad 15, mål 2 (id: delta\\u200bgare), id: har ett osynligt tecken (U+200B)" in message, message
    assert "\u200b" not in message


def test_an_empty_goal_id_is_refused(tmp_path):
    message = _refused(_project(tmp_path, PARAMS.replace("id: deltagare", "id: ''"))).message("sv")
    assert "  - rad 11, mål 1, id: står en tom text ('')" in message, message


# --- 3. a CSV with NUL bytes (the data files are read elsewhere: what is wrong there is marked) --------------------

HEAD = "person_id;sex;birth_year;household_type;start_date;end_date;outcome\n"


def test_a_nul_byte_in_a_cell_is_refused_at_its_row_and_column_and_the_file_is_unchanged(tmp_path):
    from evaltools.data.errors import DataValidationError
    path = _project(tmp_path)
    csv_file = tmp_path / "data/participants.csv"
    csv_file.write_bytes((HEAD + ROWS.replace("P3;", "P\x003;")).encode("utf-8"))  # P3 is on row 4
    before = csv_file.read_bytes()
    with pytest.raises(DataValidationError) as e:
        et.load_project(path)
    assert "rad 4, kolumn 'person_id': cellen har ett osynligt styrtecken (U+0000)" in str(e.value), str(e.value)
    assert csv_file.read_bytes() == before


def test_a_nul_byte_after_every_heading_names_the_headings_and_advises_no_mapping_of_them(tmp_path):
    from evaltools.data.errors import DataValidationError
    path = _project(tmp_path)
    (tmp_path / "data/participants.csv").write_bytes((HEAD + ROWS).replace(";", "\x00;").encode("utf-8"))
    with pytest.raises(DataValidationError) as e:
        et.load_project(path)
    said = str(e.value)
    assert "[column heading]" not in said and "[U+0000]': person_id" not in said, said
    assert "'person_id" in said and "U+0000" in said, said
    # the heading's cell at its row, named as it looks, and no advice to read the headings under other names
    assert "rad 1, kolumn 'person_id': cellen har ett osynligt styrtecken (U+0000)" in said, said
    assert "data.columns" not in said and "\x00" not in said, said


# --- 4. the evaluator's text: a figure's braces left open -------------------------------------------------------

@pytest.mark.parametrize("written", ["Vi såg {{ antal_deltagare deltagare.", "Vi såg {{antal_deltagare} deltagare.",
                                     "Vi såg {% include '/etc/passwd' %} deltagare."])
def test_braces_of_a_figure_left_open_are_named_at_their_line(written):
    from evaltools.words.evaluator_text import NarrativeError, heading, parse
    text = f"## {heading('assessment', 'sv')}\n\nProjektet nådde sina mål.\n{written}\n"  # the braces on line 4
    with pytest.raises(NarrativeError) as e:
        parse(text, lang="sv")
    assert "rad 4" in str(e.value) and "ingen hel hänvisning till en siffra" in str(e.value), str(e.value)


def test_a_whole_citation_and_a_single_brace_are_read_as_written():
    from evaltools.words.evaluator_text import heading, parse
    text = (f"## {heading('assessment', 'sv')}\n\nProjektet hade {{{{ antal_deltagare }}}} deltagare "
            "i grupperna {A, B}.\n")
    assert parse(text, lang="sv").parts["assessment"]


@pytest.mark.parametrize("line, said", [
    ("# 19811218-98{i:02d}\n", "rad 65: innehåller något som liknar ett personnummer (visas inte här), i en kommentar"),
    ("k{i}: 19811218-9876\n", "rad 65, k50: innehåller något som liknar ett personnummer (visas inte här)"),
    ("\u00a0\u00a0k{i}: 1\n", "rad 65: raden är indragen med hårda mellanslag (U+00A0)"),
])
def test_thousands_of_the_same_problem_before_validation_are_counted_too(tmp_path, line, said):
    """Synthetic numbers; the 51st problem on line 65 (the file's 14 lines and 50 before it)."""
    path = _project(tmp_path, PARAMS + "".join(line.format(i=i % 100) if "#" in line else line.format(i=i)
                                               for i in range(2000)))
    message = _refused(path).message("sv")
    lines = message.splitlines()
    assert lines[0].endswith("2000 problem i projektparametrarna:") and len(lines) == 52, lines[0]
    assert lines[-1].startswith(f"  - och 1 950 problem till, som inte listas här; det första: {said}"), lines[-1]
    assert "19811218" not in message


def test_a_number_written_with_a_thousands_point_is_refused_on_every_read_of_the_same_text(tmp_path):
    """The parsed file is kept between reads; a number's written form (1.000, which YAML reads as 1) must be kept
    with it, or the second read would take the target as 1."""
    path = _project(tmp_path, PARAMS.replace("target: 5", "target: 1.000"))
    for _ in range(2):
        assert "rad 14, mål 1 (id: deltagare), target: står 1.000, som läses som 1" in _refused(path).message("sv")
