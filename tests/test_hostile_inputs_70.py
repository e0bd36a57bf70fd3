"""Hostile and careless inputs against a participants file's follow-up column ('Utfall 6 mån', ``outcome_6m``) and
a goal counted from it (``after_exit_months``), CSV cells written as Excel's text formula (``="P-0012"``), the
params file's line numbers and the command line's suggestions.

Tiny projects written in tmp_path: fourteen participants, all started in 2022; data to 2023-12-31 (ROWS says who
ended when). What is expected is read off the rows written, by hand."""
from __future__ import annotations

import textwrap

import pytest

import evaltools as et
from evaltools.data.errors import DataValidationError, ParamsError

HEAD = "person_id;sex;birth_year;household_type;start_date;end_date;outcome"
# P1–P10 ended 2023-03-01 (six months passed 2023-09-01), P11–P12 ended 2023-09-01 (not passed), P13–P14 enrolled
ROWS = [(f"P{i + 1}", "kvinna" if i % 2 else "man", 1970 + i, f"2022-{i % 9 + 1:02d}-01",
         "2023-03-01" if i < 10 else "2023-09-01" if i < 12 else "") for i in range(14)]
LATER = ["arbete", "arbete", "arbete", "arbete", "studier", "studier", "kvar_försörjningsstöd",
         "kvar_försörjningsstöd", "kvar_försörjningsstöd", "", "", "", "", ""]
GOAL = textwrap.dedent("""\
    goals:
      - id: sexman
        label: Minst 50 % i arbete eller studier sex månader efter avslut
        kind: share
        target: 0.5
        denominator: exits
        success_outcomes: [arbete, arbete_med_stöd, studier]
        after_exit_months: 6
    """)


def _participants(columns: dict[str, list[str]] | None = None) -> str:
    columns = {"Utfall 6 mån": LATER} if columns is None else columns
    lines = [";".join([HEAD, *columns])]
    for i, (pid, sex, born, start, end) in enumerate(ROWS):
        lines.append(";".join([pid, sex, str(born), "ensamstående", start, end, "kvar_försörjningsstöd" if end else "",
                               *(v[i] for v in columns.values())]))
    return "\n".join(lines) + "\n"


def _project(root, participants: str | None = None, goal: str = GOAL, extra: str = ""):
    (root / "data").mkdir(parents=True, exist_ok=True)
    (root / "data/participants.csv").write_text(_participants() if participants is None else participants,
                                                encoding="utf-8")
    path = root / "sexman.yaml"
    path.write_text(textwrap.dedent("""\
        id: sexman
        kind: individ
        title: Sex månader efter
        forbund: Testförbundet
        owner: Testkommun
        period: {start: 2022-01-01, planned_end: 2023-12-31}
        data_as_of: 2023-12-31
        data:
          participants: data/participants.csv
        """) + extra + goal, encoding="utf-8")
    return path


def _counted(path) -> tuple[int, int]:
    row = et.assess_goals(et.load_project(path)).table.iloc[0]
    return int(row["numerator"]), int(row["denominator"])


def _problems(path) -> list:
    with pytest.raises(DataValidationError) as e:
        et.load_project(path)
    return e.value.problems


def test_the_tiny_project_counts_by_hand(tmp_path):
    # P1–P10 due, P10 with no situation: 9; in work or studies P1–P6: 6 of 9
    assert _counted(_project(tmp_path)) == (6, 9)


# --- 1. the follow-up column -------------------------------------------------------------------------------------

OTHER = ["kvar_försörjningsstöd"] * 9 + [""] * 5  # P1–P6 differ from LATER (file rows 2–7), P7–P14 agree


@pytest.mark.parametrize("order", [("Utfall 6 mån", "outcome_6m"), ("outcome_6m", "Utfall 6 mån")])
def test_two_follow_up_columns_for_the_same_months_that_differ_are_refused_naming_both(tmp_path, order):
    """Before, the first of the two was read and the other left without a word: the goal was 6 of 9 or 0 of 9 by
    the columns' order in the file."""
    path = _project(tmp_path, _participants({order[0]: LATER, order[1]: OTHER}))
    before = (tmp_path / "data/participants.csv").read_bytes()
    (p,) = [p for p in _problems(path) if p.key == "person.followup_two_columns"]
    said = p.note("sv")
    assert f"'{order[0]}' och '{order[1]}'" in said and "rad 2, 3, 4, 5, 6, 7" in said and "sexman" in said, said
    assert p.row == 2 and p.column == order[1]
    assert "'Utfall 6 mån' and 'outcome_6m'" in p.note("en") or "'outcome_6m' and 'Utfall 6 mån'" in p.note("en")
    assert (tmp_path / "data/participants.csv").read_bytes() == before


def test_two_follow_up_columns_that_agree_are_read(tmp_path):
    # (the same codes in other letter case and spacing: the same situations)
    upper = [v.upper() + "  " for v in LATER]
    assert _counted(_project(tmp_path, _participants({"Utfall 6 mån": LATER, "outcome_6m": upper}))) == (6, 9)


def test_a_column_for_other_months_beside_it_is_left_alone(tmp_path):
    assert _counted(_project(tmp_path, _participants({"Utfall 12 mån": OTHER, "Utfall 6 mån": LATER}))) == (6, 9)


@pytest.mark.parametrize("cell", ["=1+1", '=HYPERLINK("http://example.org";"arbete")', "+arbete", "@arbete",
                                  "-arbete"])
def test_a_formula_in_the_follow_up_column_is_refused_at_its_row(tmp_path, cell):
    later = [cell, *LATER[1:]]
    (p,) = [p for p in _problems(_project(tmp_path, _participants({"Utfall 6 mån": later})))
            if p.key == "person.followup_code"]
    said = p.note("sv")
    assert p.row == 2 and "'Utfall 6 mån'" in said and "(rad 2)" in said and "arbete_med_stöd" in said, said


def test_a_huge_cell_is_refused_and_echoed_short(tmp_path):
    later = ["x" * 10_000, *LATER[1:]]
    (p,) = [p for p in _problems(_project(tmp_path, _participants({"Utfall 6 mån": later})))
            if p.key == "person.followup_code"]
    assert p.row == 2 and len(p.note("sv")) < 1_000, len(p.note("sv"))


def test_a_personnummer_in_the_follow_up_column_is_refused_and_not_shown(tmp_path):
    pnr = "19800101-1234"  # (synthetic)
    later = [pnr, *LATER[1:]]
    problems = _problems(_project(tmp_path, _participants({"Utfall 6 mån": later})))
    assert any(p.key == "person.personnummer" and p.row == 2 for p in problems)
    assert not any(pnr in p.note(lang) for p in problems for lang in ("sv", "en"))


@pytest.mark.parametrize("cell", ["ARBETE", "Arbete ", "arbete\u00a0", " arbete\t"])
def test_a_code_in_other_letter_case_or_with_a_no_break_space_is_read(tmp_path, cell):
    later = [cell, *LATER[1:]]
    assert _counted(_project(tmp_path, _participants({"Utfall 6 mån": later}))) == (6, 9)


@pytest.mark.parametrize("months, expected", [("0", "minst 1"), ("-6", "minst 1"), ("6.5", "6 eller 7"),
                                              ('"sex"', "'sex'"), ("1000", "högst 36")])
def test_after_exit_months_that_is_no_number_of_months_is_refused_at_its_line(tmp_path, months, expected):
    path = _project(tmp_path, goal=GOAL.replace("after_exit_months: 6", f"after_exit_months: {months}"))
    with pytest.raises(ParamsError) as e:
        et.load_project(path)
    said = e.value.message("sv")
    line = path.read_text(encoding="utf-8").splitlines().index(f"    after_exit_months: {months}") + 1
    assert f"rad {line}, " in said and "after_exit_months" in said and expected in said, said


def _later_data(tmp_path, months: int):
    """The project with both columns and data to 2024-06-30, its goal counted ``months`` after exit."""
    path = _project(tmp_path, _participants({"Utfall 6 mån": LATER, "Utfall 12 mån": OTHER}),
                    goal=GOAL.replace("after_exit_months: 6", f"after_exit_months: {months}").replace(
                        "sex", {6: "sex", 12: "tolv"}[months]))
    path.write_text(path.read_text(encoding="utf-8").replace("2023-12-31\n", "2024-06-30\n"), encoding="utf-8")
    return path


def test_after_exit_months_12_written_in_the_file_is_counted_from_its_column(tmp_path):
    # twelve months after 2023-03-01 is 2024-03-01 (P1–P10 due by 2024-06-30; P11–P12, 2024-09-01, not); in
    # 'Utfall 12 mån' P1–P9 are kvar_försörjningsstöd and P10 has none: 0 of 9
    assert _counted(_later_data(tmp_path, 12)) == (0, 9)


def test_after_exit_months_changed_with_with_params_reads_its_column(tmp_path):
    project = et.load_project(_later_data(tmp_path, 6))
    changed = project.with_params(goals={"sexman": {"after_exit_months": 12, "label": "tolv månader efter avslut"}})
    row = et.assess_goals(changed).table.iloc[0]
    assert (int(row["numerator"]), int(row["denominator"])) == (0, 9)  # as written in the file (the test above)



@pytest.mark.parametrize("columns", [{"Utfall 6 mån": LATER}, {"Utfall 6 mån": LATER, "outcome_6m": LATER}])
def test_the_follow_up_column_a_goal_reads_is_not_listed_among_the_columns_not_read(tmp_path, columns):
    project = et.load_project(_project(tmp_path, _participants(columns)))
    unread = [p.note("sv") for p in [*project.warnings, *project.notices] if p.key == "column.unread"]
    assert not any("Utfall 6 mån" in said or "outcome_6m" in said for said in unread), unread


def _with_comparison(tmp_path):
    """The project with a comparison file that has a follow-up column of its own (OTHER)."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data/comparison.csv").write_text(_participants({"Utfall 6 mån": OTHER}).replace("P", "J"),
                                                  encoding="utf-8")
    (tmp_path / "data/comparison_payments.csv").write_text("person_id;month;amount\nJ1;2022-03;8000\n",
                                                           encoding="utf-8")
    path = _project(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  participants: data/participants.csv\n", "  participants: data/participants.csv\n  comparison: "
        "{persons: data/comparison.csv, payments: data/comparison_payments.csv}\n"), encoding="utf-8")
    return path


def test_a_follow_up_column_in_the_comparison_file_changes_nothing(tmp_path):
    assert _counted(_with_comparison(tmp_path)) == (6, 9)  # (the participants' column, as without the comparison file)


def test_a_follow_up_column_in_the_comparison_file_is_named_as_not_read(tmp_path):
    project = et.load_project(_with_comparison(tmp_path))
    assert any(p.key == "column.unread" and p.file.endswith("comparison.csv") and "Utfall 6 mån" in p.note("sv")
               for p in [*project.warnings, *project.notices])


@pytest.mark.parametrize("heading", ["Utfall 6 mån\u200f", "\u200eUtfall 6 mån", "Utfall (6 mån)", "Utfall 6 mån (kod)",
                                     "Utfall [6 mån]", "Utfall\u00a06\u00a0mån", "UTFALL_6_MAN"])
def test_a_follow_up_heading_with_a_direction_mark_or_a_note_in_brackets_is_read(tmp_path, heading):
    """Before, 'Utfall 6 mån' with a direction mark at its end (invisible in Excel), 'Utfall (6 mån)' and
    'Utfall 6 mån (kod)' were no follow-up column: the goal was refused, the file said to have none."""
    assert _counted(_project(tmp_path, _participants({heading: LATER}))) == (6, 9)


@pytest.mark.parametrize("heading", ["Utfall 12 mån (6 mån)", "Kommentar (utfall 6 mån)", "Utfall 6 mån kommentar"])
def test_a_heading_that_names_other_months_or_a_comment_is_no_follow_up_column(tmp_path, heading):
    problems = _problems(_project(tmp_path, _participants({heading: LATER})))
    assert any(p.key == "person.followup_column_missing" for p in problems), [p.key for p in problems]

# --- 2. the command line's refusals and suggestions --------------------------------------------------------------

@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A project folder with params/timra-vagen-ut.yaml, as the current folder."""
    from evaltools.data import paths
    from evaltools.publish import cli
    (tmp_path / "params").mkdir()
    (tmp_path / "params/timra-vagen-ut.yaml").write_text("id: timra-vagen-ut\n", encoding="utf-8")
    monkeypatch.setattr(paths, "PARAMS_DIR", tmp_path / "params")
    monkeypatch.setattr(cli, "PARAMS_DIR", tmp_path / "params")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _cli(capsys, *argv: str) -> tuple[int, str]:
    from evaltools.publish import cli
    try:
        code = cli.main(list(argv))
    except SystemExit as e:  # (a usage error: argparse exits)
        code = e.code
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out + out.err


@pytest.mark.parametrize("written", ["a" * 5000, "timra-vagen-ut" + "x" * 5000])
def test_an_id_of_thousands_of_characters_is_named_short(folder, capsys, written):
    """Before, the whole id was echoed: over 5 000 characters of one line in the terminal."""
    code, said = _cli(capsys, "validate", written)
    assert code == 2 and "ingen parameterfil" in said and "…" in said and len(said) < 1_000, len(said)
    assert "timra-vagen-ut" in said  # (the projects there are still listed)


@pytest.mark.parametrize("written", ["../timra-vagen-ut", "timra-vagen-ut\U0001F600", "timra-vagen-ut\u200f",
                                     "\u202etimra-vagen-ut"])
def test_an_id_with_a_folder_up_an_emoji_or_a_direction_mark_is_told_the_id_to_type(folder, capsys, written):
    code, said = _cli(capsys, "validate", written)
    assert code == 2 and "menade du timra-vagen-ut? Skriv: evaltools validate timra-vagen-ut" in said, said
    assert "\u200f" not in said and "\u202e" not in said  # (named by their codes: they turn the line around)


@pytest.mark.parametrize("written", ["CON", "NUL.yaml", "COM1", "LPT1.yml", "aux"])
def test_a_windows_device_name_is_no_project(folder, capsys, written):
    code, said = _cli(capsys, "validate", written)
    assert code == 2 and "ingen parameterfil" in said and "timra-vagen-ut" in said, said


@pytest.mark.parametrize("written", ["19800101-1234", "19800101-1234.yaml", "params/198001011234.yaml"])
def test_a_params_file_named_by_a_personnummer_is_not_echoed(folder, capsys, written):
    code, said = _cli(capsys, "validate", written)  # (synthetic numbers)
    assert code == 2 and "ingen parameterfil" in said, said
    assert "1234" not in said, said


@pytest.mark.parametrize("lang, meant", [("sv;rm", "'sv'"), ("en-GB", "'en'"), ("sv_SE.UTF-8", "'sv'"),
                                         ("svenska", "'sv'"), ("English", "'en'")])
def test_a_language_tag_locale_or_name_is_told_the_code_to_type(folder, capsys, lang, meant):
    """Before, 'sv;rm', 'en-GB' and 'svenska' were refused with the choices alone."""
    code, said = _cli(capsys, "validate", "timra-vagen-ut", "--lang", lang)
    assert code == 2 and f"menade du {meant}?" in said and "finns inte" in said, said


@pytest.mark.parametrize("lang", ["x" * 3000, "ru", "\u0441\u0432"])
def test_a_language_like_none_is_refused_with_the_choices_and_named_short(folder, capsys, lang):
    code, said = _cli(capsys, "validate", "timra-vagen-ut", "--lang", lang)
    assert code == 2 and "menade du" not in said and "välj ett av 'sv', 'en'" in said and len(said) < 500, said


def test_a_command_with_more_after_it_is_told_the_command(folder, capsys):
    code, said = _cli(capsys, "validate;rm", "timra-vagen-ut")
    assert code == 2 and "menade du 'validate'?" in said, said



@pytest.mark.parametrize("written", ["", " "])
def test_an_empty_id_is_told_as_such(folder, capsys, written):
    """Before: "' är en mapp, inte ett projekt" (the current folder) for "", and params/ .yaml for " " (a variable
    left empty in a script: evaltools validate "$PROJEKT")."""
    code, said = _cli(capsys, "validate", written)
    assert code == 2 and "ett tomt projekt-id" in said and "timra-vagen-ut" in said and "mapp" not in said, said

# --- 3. the params file's line numbers ----------------------------------------------------------------------------

PARAMS = textwrap.dedent("""\
    id: tiny
    kind: individ
    title: Litet testprojekt
    forbund: Testförbundet
    owner: Testkommun
    period: {start: 2022-01-01, planned_end: 2023-12-31}
    goals:
      - id: deltagare
        kind: participant_count
        label: "Minst 3 deltagare"
        target: tre
        period: whole_period
    """)  # (target: tre, no number, on line 11)


def _refused(tmp_path, text: str) -> str:
    path = tmp_path / "tiny.yaml"
    path.write_bytes(text.encode("utf-8"))
    before = path.read_bytes()
    with pytest.raises(ParamsError) as e:
        et.load_params(path)
    assert path.read_bytes() == before
    return e.value.message("sv")


@pytest.mark.parametrize("written", [PARAMS, PARAMS.replace("\n", "\r\n"), PARAMS.replace("\n", "\r"),
                                     "\ufeff" + PARAMS, "\ufeff" + PARAMS.replace("\n", "\r\n"), PARAMS + "...\n"])
def test_a_problem_is_named_at_its_line_whatever_the_line_ends(tmp_path, written):
    said = _refused(tmp_path, written)
    assert "rad 11, mål 1 (id: deltagare), target: står 'tre'" in said, said


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
def test_a_line_end_no_editor_shows_does_not_move_the_line(tmp_path, separator):
    """U+2028 in a quoted text (a label pasted from a web page) is one line in Notepad but two to YAML: the problem
    below it was named a line too far down."""
    written = PARAMS.replace("Minst 3 deltagare", f"Minst 3{separator}deltagare")
    said = _refused(tmp_path, written)
    assert "rad 11, mål 1 (id: deltagare), target: står 'tre'" in said, said
    # a key written twice below it: both lines as an editor counts them
    twice = written.replace("    target: tre\n", "    target: 3\n    target: 4\n")
    said = _refused(tmp_path, twice)
    assert "rad 12: target står en andra gång (första gången på rad 11)" in said, said


def test_a_line_end_no_editor_shows_in_a_plain_text_is_named_by_its_line_and_code(tmp_path):
    """Unquoted, YAML broke the label in two and said 'could not find expected ':'' at the line below."""
    said = _refused(tmp_path, PARAMS.replace('"Minst 3 deltagare"', "Minst 3\u2028deltagare"))
    assert "rad 10 har ett osynligt radslut (U+2028)" in said and "\u2028" not in said, said


def test_a_second_document_is_named_at_its_line_with_what_to_do(tmp_path):
    """Before: 'ingen giltig YAML (but found another document)', English in a Swedish message, with advice about
    colons, indentation and quotes that did not apply."""
    said = _refused(tmp_path, PARAMS.replace("tre", "3") + "---\nid: annat\n")
    assert "rad 13: '---' börjar ett andra YAML-dokument" in said and "found another" not in said, said


def test_a_document_start_before_the_settings_counts_its_line(tmp_path):
    said = _refused(tmp_path, "---\n" + PARAMS)
    assert "rad 12, mål 1 (id: deltagare), target: står 'tre'" in said, said


def test_a_tab_after_a_key_is_told_as_such(tmp_path):
    said = _refused(tmp_path, PARAMS.replace("target: tre", "target:\t3"))
    assert "rad 11: ett tabbtecken efter 'target:'" in said and "indraget" not in said, said
    said = _refused(tmp_path, PARAMS.replace("    target: tre", "\ttarget: 3"))
    assert "rad 11: ett tabbtecken i indraget" in said, said


def test_flow_style_anchors_merge_keys_and_repeated_keys_are_named_at_their_lines(tmp_path):
    block = PARAMS[PARAMS.index("  - id: deltagare"):]
    flow = PARAMS.replace(block, "  [{id: deltagare, kind: participant_count, label: Minst 3 deltagare,\n"
                                 "   target: tre, period: whole_period}]\n")
    assert flow.splitlines()[8] == "   target: tre, period: whole_period}]"
    assert "rad 9, mål 1 (id: deltagare), target: står 'tre'" in _refused(tmp_path, flow)
    said = _refused(tmp_path, PARAMS.replace("kind: participant_count", "kind: &k participant_count"))
    assert "rad 9: YAML-ankare" in said, said
    said = _refused(tmp_path, PARAMS + "x: &a {b: 1}\ny:\n  <<: *a\n")
    assert "rad 13: YAML-ankare" in said, said
    said = _refused(tmp_path, PARAMS.replace("owner: Testkommun", "owner: Testkommun\ntitle: Annat"))
    assert "rad 6: title står en andra gång (första gången på rad 3)" in said, said


def test_a_problem_below_fifty_thousand_lines_is_named_at_its_line(tmp_path):
    said = _refused(tmp_path, "#\n" * 50_000 + PARAMS)
    assert "rad 50011, mål 1 (id: deltagare), target: står 'tre'" in said, said


# --- 4. a CSV cell written as Excel's text formula, unwrapped, is still no formula in any output -----------------

WRAPPED = ['="=cmd|\' /C calc\'!A0"', '="+SUM(1)"', '="@x"', '="-2+3"', '="<script>alert(1)</script>"']
UNWRAPPED = ["=cmd|' /C calc'!A0", "+SUM(1)", "@x", "-2+3", "<script>alert(1)</script>"]


def test_an_unwrapped_text_formula_reaches_no_output_as_a_formula_or_a_script(tmp_path):
    """The budget lines' names, written ="..." as a case or economy system exports a text: read as the text Excel
    shows, and in the workbook a text cell (quote-prefixed), in the CSV for Excel quoted with ', in the HTML escaped."""
    import csv

    import openpyxl

    from evaltools.publish import render
    (tmp_path / "data").mkdir()
    (tmp_path / "data/participants.csv").write_text(_participants(), encoding="utf-8")
    budget = "period;category;budget;actual\n" + "".join(f"2022;{w};{1000 * (i + 1)};{900 * (i + 1)}\n"
                                                          for i, w in enumerate(WRAPPED))
    (tmp_path / "data/budget.csv").write_text(budget, encoding="utf-8")
    path = _project(tmp_path, goal=GOAL, extra="")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  participants: data/participants.csv\n", "  participants: data/participants.csv\n  budget: data/budget.csv\n")
        .replace("data_as_of:", "granted_sek: 20000\ndata_as_of:"), encoding="utf-8")
    before = (tmp_path / "data/budget.csv").read_bytes()
    assert list(et.load_project(path).budget["category"]) == UNWRAPPED  # (read as the text Excel shows)
    res = render.render_project(path, tmp_path / "reports", formats=("xlsx", "csv", "html"))
    assert res.ok, res.error
    out = tmp_path / "reports" / "sexman"
    (book,) = out.glob("*.xlsx")
    cells = [c for ws in openpyxl.load_workbook(book).worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and c.value in UNWRAPPED]
    assert {c.value for c in cells} >= set(UNWRAPPED[:4]), {c.value for c in cells}
    for c in cells:
        assert c.data_type == "s" and (c.quotePrefix or c.value[:1] not in "=+-@"), (c.coordinate, c.value)
    with open(out / "tables" / "budget.csv", encoding="utf-8-sig", newline="") as f:
        written = [cell for row in csv.reader(f, delimiter=";") for cell in row]
    assert {f"'{v}" for v in UNWRAPPED[:4]} <= set(written), written
    assert not any(cell[:1] in "=+-@" for cell in written if cell.lstrip("'") in UNWRAPPED), written
    (html,) = out.glob("*.html")
    shown = html.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in shown and "&lt;script&gt;alert(1)&lt;/script&gt;" in shown
    assert (tmp_path / "data/budget.csv").read_bytes() == before
