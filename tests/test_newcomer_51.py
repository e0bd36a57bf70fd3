"""A new evaluator's first project, from `evaltools new` to a report: what the files `evaltools new` writes
and the commands' messages tell someone who has read only the README and those files."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import evaltools as et
from evaltools.data.errors import DataValidationError
from evaltools.publish import cli

from .conftest import PARTICIPANT_ROWS, participants_frame, write_csv

# what `evaltools new` leaves to the evaluator, filled in as the README says
FILLED = (("kind: FYLL I individ, struktur eller ansökan", "kind: individ"),
          ("title: FYLL I projektets namn", "title: Steget vidare"),
          ("forbund: FYLL I samordningsförbundets namn", "forbund: Samordningsförbundet Sjuhärad"),
          ("owner: FYLL I projektägare, till exempel en kommun", "owner: Borås stad"),
          ("start: FYLL I ÅÅÅÅ-MM-DD", "start: 2022-01-01"), ("planned_end: FYLL I ÅÅÅÅ-MM-DD", "planned_end: 2023-12-31"),
          ("granted_sek: FYLL I beviljat belopp i kronor", "granted_sek: 120000"))


@pytest.fixture
def new_project(tmp_path, monkeypatch):
    """``evaltools new <pid>`` in tmp_path; returns the params file's path."""
    monkeypatch.setattr(cli, "PARAMS_DIR", tmp_path / "params")
    monkeypatch.setattr(cli, "DATA_DIR", tmp_path / "data")

    def make(pid: str = "steget") -> Path:
        assert cli.main(["new", pid]) == cli.EXIT_OK
        return tmp_path / "params" / f"{pid}.yaml"
    return make


def _filled_in(params: Path, rows: list[tuple] = PARTICIPANT_ROWS, **columns: list) -> Path:
    """The new project's placeholders filled in and its participants in the CSV template beside the workbook."""
    text = params.read_text(encoding="utf-8")
    for old, new in FILLED:
        assert old in text, old
        text = text.replace(old, new)
    pid = params.stem
    for name in ("participants", "payments", "budget"):
        text = text.replace(f"{name}: ../data/{pid}/{pid}.xlsx", f"{name}: ../data/{pid}/{name}.csv")
    text = text.replace(f"  payments: ../data/{pid}/payments.csv\n", "")  # no payments file yet
    params.write_text(text, encoding="utf-8")
    write_csv(params.parent.parent / "data" / pid / "participants.csv", participants_frame(rows).assign(**columns))
    return params


def test_the_new_params_files_example_share_goal_is_not_refused_by_the_toolkits_own_check(new_project):
    # The example goal counts 'egen försörjning'. One exit to an active plan with another party, still on
    # försörjningsstöd at the exit, has not left it: with the default successes (which count such a plan)
    # the loader refuses a goal whose words say 'egen försörjning' (docs/data-contract.md), so the example
    # names the outcomes it counts.
    rows = [*PARTICIPANT_ROWS[:3], ("P4", "man", 1968, "ensamstående", "2023-01-10", "2023-05-01",
                                    "aktiv_planering_annan_part")]
    params = _filled_in(new_project(), rows, support_start="försörjningsstöd",
                        support_exit=["lön", "försörjningsstöd", "", "försörjningsstöd"])
    goal = next(g for g in yaml.safe_load(params.read_text(encoding="utf-8"))["goals"] if g["kind"] == "share")
    assert "aktiv_planering_annan_part" not in goal["success_outcomes"]
    project = et.load_project(params)
    assert len(project.participants) == 4
    # the same goal without its success_outcomes is refused by these data: the check it passes is real
    text = params.read_text(encoding="utf-8")
    params.write_text(re.sub(r"\n    success_outcomes: \[[^\]]*\]", "", text), encoding="utf-8")
    with pytest.raises(DataValidationError) as e:
        et.load_project(params)
    assert "aktiv_planering_annan_part" in e.value.problems[0].note("sv")


def test_the_new_params_file_sets_no_monthly_level_the_evaluator_never_chose(new_project):
    # a level written by `evaltools new` would be shown in the report as the evaluator's own choice
    params = _filled_in(new_project())
    assert "cost_benefit" not in yaml.safe_load(params.read_text(encoding="utf-8"))
    level = et.load_project(params).params.cost_benefit.monthly_level
    assert (level.method, level.amount_sek) == ("riksnorm", None)  # the toolkit's default, named so in the report
    # the commented example of a level of the evaluator's own loads, with its source, once uncommented
    text = params.read_text(encoding="utf-8")
    text = text.replace("# cost_benefit:\n#   monthly_level:", "cost_benefit:\n  monthly_level:")
    params.write_text(text, encoding="utf-8")
    level = et.load_project(params).params.cost_benefit.monthly_level
    assert (level.method, level.amount_sek, level.amount_year, level.source) == ("fixed", 8900, 2023, "ansökan 2023, s. 4")


def test_goals_left_as_the_examples_of_evaltools_new_are_named_by_validate_and_after_render(new_project, capsys):
    params = _filled_in(new_project())
    capsys.readouterr()
    assert cli.main(["validate", str(params)]) == cli.EXIT_OK  # a warning: the examples are valid goals
    out = capsys.readouterr().out
    # the params template's two example goals, by their ids, and what to write instead
    assert ("! steget: exempelmålen som evaltools new skrev står kvar i parameterfilen (id: deltagare, "
            "egen_försörjning), och rapporten redovisar dem som ansökans mål: skriv in ansökans mål under goals: "
            "i parameterfilen") in out
    cli._kind_hints([params], "en")  # the lines printed after a render
    assert "(id: deltagare, egen_försörjning), and the report states them as the application's goals" in capsys.readouterr().out
    # one goal in the application's words instead of the first example: only the other is named
    # (its target as its words state it: a count whose words say 40 and whose target is 50 is refused)
    text = params.read_text(encoding="utf-8").replace("label: Minst 50 deltagare per år\n    target: 50",
                                                      "label: Minst 40 unga vuxna ska skrivas in i insatsen per år\n"
                                                      "    target: 40")
    params.write_text(text, encoding="utf-8")
    assert cli.main(["validate", str(params)]) == cli.EXIT_OK
    assert "(id: egen_försörjning)," in capsys.readouterr().out
    params.write_text(text.replace("label: Minst 40 % av de avslutade går till egen försörjning",
                                   "label: Minst 40 % av dem som avslutar ska gå till arbete eller studier"), encoding="utf-8")
    assert cli.main(["validate", str(params)]) == cli.EXIT_OK
    assert "exempelmålen" not in capsys.readouterr().out


@pytest.mark.parametrize("lock", ["~$participants.csv", "~$rticipants.csv", ".~lock.participants.csv#"])
def test_a_data_file_open_in_excel_is_named_with_what_to_do(new_project, capsys, lock):
    # Excel's lock file beside an open file (its first two letters replaced when the name is long), or
    # LibreOffice's: the file is read as last saved, so changes on the screen are not in the report
    params = _filled_in(new_project())
    capsys.readouterr()
    assert cli.main(["validate", str(params)]) == cli.EXIT_OK
    assert "öppen i Excel" not in capsys.readouterr().out
    (params.parent.parent / "data" / "steget" / lock).write_bytes(b"\x00")
    assert cli.main(["validate", str(params)]) == cli.EXIT_OK
    assert (f"! steget: participants.csv är öppen i Excel eller LibreOffice (låsfilen {lock} ligger bredvid): det som "
            "lästes är filen som den senast sparades, utan ändringar som inte är sparade. Spara den och kör kommandot "
            "igen") in capsys.readouterr().out


def test_the_column_sheet_asks_whether_the_column_must_be_there_apart_from_whether_a_cell_may_be_empty(new_project):
    import openpyxl  # (only this test reads the workbook)
    new_project()
    wb = openpyxl.load_workbook(cli.DATA_DIR / "steget" / "steget.xlsx")
    rows = [[c.value for c in r] for r in wb["Kolumner"].iter_rows()]
    assert rows[0][:4] == ["blad", "kolumn", "kolumnen måste finnas", "cellen får vara tom"]
    # the end date: its column is in the format, its cell empty while the person is enrolled (the sheet's own words)
    end = next(r for r in rows if r[:2] == ["participants", "end_date"])
    assert end[2:4] == ["ja", "ja"] and "tom så länge personen är inskriven" in end[5]


def test_the_refusal_of_a_new_params_file_counts_every_line_it_lists(new_project, capsys):
    params = new_project()
    capsys.readouterr()
    assert cli.main(["validate", str(params)]) == cli.EXIT_FAILED
    err = capsys.readouterr().err
    # the seven placeholders evaltools new writes: kind, start, planned_end, granted_sek, title, forbund, owner
    assert f"{params}: 7 problem i projektparametrarna:" in err
    assert err.count("\n  - ") == 7
    assert cli.main(["validate", "--lang", "en", str(params)]) == cli.EXIT_FAILED
    assert f"{params}: 7 problem(s) in the project parameters:" in capsys.readouterr().err


def test_the_new_params_file_shows_a_qualitative_goal_that_loads_once_uncommented(new_project):
    params = _filled_in(new_project())
    text = params.read_text(encoding="utf-8")
    assert "\n  # - id: samverkan\n  #   kind: qualitative\n" in text
    params.write_text(re.sub(r"\n  # ( *)(- id: samverkan|kind:|label:|assessment:|evidence:)", r"\n  \1\2", text),
                      encoding="utf-8")
    goal = next(g for g in et.load_project(params).params.goals if g.id == "samverkan")
    assert (goal.kind, goal.assessment) == ("qualitative", "delvis")
    assert goal.evidence == "Gemensamma ärendedragningar varannan vecka sedan hösten 2024 (mötesanteckningar)."


def test_validate_and_render_say_where_the_assessment_goes_while_the_report_is_a_draft(new_project, capsys, monkeypatch):
    from evaltools.publish import render  # (only this test stands in for the renderer)
    params = _filled_in(new_project())
    text = params.parent / "text" / "steget.sv.md"  # written by evaltools new, with only its guidance comments
    where = f"  ! steget: rapporten är ett utkast tills du skriver din sammanfattande bedömning, under rubriken " \
            f"'## Sammanfattande bedömning' i {text}\n"
    capsys.readouterr()
    assert cli.main(["validate", str(params)]) == cli.EXIT_OK
    assert where in capsys.readouterr().out
    # a background but no assessment: still a draft, and the text check alone said nothing of it
    text.write_text("## Bakgrund\n\nKommunerna såg ett behov.\n", encoding="utf-8")
    assert cli.main(["validate", str(params)]) == cli.EXIT_OK
    assert where in capsys.readouterr().out
    text.write_text("## Sammanfattande bedömning\n\nProjektet har nått sina deltagare.\n", encoding="utf-8")
    assert cli.main(["validate", str(params)]) == cli.EXIT_OK
    assert "rapporten är ett utkast" not in capsys.readouterr().out
    # after a render that made a draft, in the report's language
    out = params.parent.parent / "reports"
    monkeypatch.setattr(render, "render_many", lambda *a, **k: [
        render.RenderResult("steget", True, str(out / "steget"), draft=True)])
    assert cli.main(["render", str(params), "--reports-dir", str(out), "--lang", "en", "--quiet"]) == cli.EXIT_OK
    assert (f"  ! steget: the report is a draft until you write your overall assessment, under the heading "
            f"'## Overall assessment' in {params.parent / 'text' / 'steget.en.md'}\n") in capsys.readouterr().out


def test_a_sheet_of_the_workbook_filled_in_but_not_named_in_the_params_is_said_not_to_be_read(new_project, capsys):
    import datetime as dt  # (only this test fills the workbook)

    import openpyxl  # (only this test fills the workbook)
    params = new_project()
    book = cli.DATA_DIR / "steget" / "steget.xlsx"
    wb = openpyxl.load_workbook(book)
    ws = wb["participants"]
    header = [c.value for c in ws[3]]
    for r, (pid, sex, born, house, start, end, outcome) in enumerate(PARTICIPANT_ROWS, 4):
        for name, v in (("person_id", pid), ("sex", sex), ("birth_year", born), ("household_type", house),
                        ("start_date", dt.datetime.fromisoformat(start)), ("end_date", end or None), ("outcome", outcome or None)):
            ws.cell(r, header.index(name) + 1, v)
    wb.save(book)
    text = params.read_text(encoding="utf-8")
    for old, new in FILLED:
        text = text.replace(old, new)
    text = text.replace("  payments: ../data/steget/steget.xlsx\n  budget: ../data/steget/steget.xlsx\n", "")
    params.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["validate", str(params)]) == cli.EXIT_OK
    assert "har rader, men parameterfilen nämner det inte" not in capsys.readouterr().out  # the example rows are above
    # the questionnaire's sheets filled in, from row 4 as their title row says; budget left empty
    wb = openpyxl.load_workbook(book)
    wb["questions"].append(["F1", "Jag vet vad mitt nästa steg är", None, 1, 5])
    wb["responses"].append(["P1", "deltagare_avslut", dt.datetime(2022, 8, 1), "F1", 4])
    wb.save(book)
    assert cli.main(["validate", str(params)]) == cli.EXIT_OK
    out = capsys.readouterr().out
    for sheet in ("responses", "questions"):
        assert (f"! steget: bladet {sheet} i steget.xlsx har rader, men parameterfilen nämner det inte, så det läses "
                f"inte: skriv {sheet}: ../data/steget/steget.xlsx under data: i parameterfilen") in out
    assert "bladet budget" not in out and "bladet payments" not in out and "bladet participants" not in out
    # the params file's own comment names the keys
    assert "# Arbetsbokens övriga blad läses när de anges här" in text


def test_the_readme_names_the_example_goals_evaltools_new_writes_and_the_text_file_it_writes(new_project):
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("## Your own project"):]
    block = block[:block.index("```\n", block.index("```sh") + 5)]
    params = new_project("mitt-projekt")
    ids = [g["id"] for g in yaml.safe_load(params.read_text(encoding="utf-8"))["goals"]]
    assert f"replace its two example goals ({', '.join(ids)})" in block and len(ids) == 2
    assert "a commented example shows a qualitative goal" in block and "#   kind: qualitative" in params.read_text(encoding="utf-8")
    assert "for a project still\n# running, data_as_of: the day the data were taken out" in block
    assert "\n# data_as_of: ÅÅÅÅ-MM-DD " in params.read_text(encoding="utf-8")  # (the Swedish template)
    written = params.parent / "text" / "mitt-projekt.sv.md"
    assert written.is_file() and "params/text/mitt-projekt.sv.md (until then: a draft)" in block


def test_new_says_to_replace_the_example_goals(new_project, capsys):
    params = new_project()
    out = capsys.readouterr().out
    ids = [g["id"] for g in yaml.safe_load(params.read_text(encoding="utf-8"))["goals"]]
    assert ids == ["deltagare", "egen_försörjning"]
    assert "  Byt exempelmålen under goals: (deltagare, egen_försörjning) mot ansökans mål, med ansökans ord och målvärden" in out


def test_a_project_still_running_without_the_date_its_data_were_taken_out_is_refused_until_it_is_given(new_project, capsys):
    import datetime as dt  # (only this test needs dates)

    from evaltools.data.params import running_without_data_date
    params = _filled_in(new_project())
    text = params.read_text(encoding="utf-8")
    # the filled-in period (2022-01-01 – 2023-12-31) has ended: nothing to say
    assert not running_without_data_date(et.load_project(params).params)
    text = text.replace("planned_end: 2023-12-31", "planned_end: 2099-12-31")
    params.write_text(text, encoding="utf-8")
    loaded = et.load_params(params)
    assert running_without_data_date(loaded)
    assert not running_without_data_date(loaded, today=dt.date(2100, 1, 1))  # once it has ended
    # counted to 2099 the years not begun would be judged as run: neither loaded nor rendered, the line to write named
    with pytest.raises(et.DataValidationError) as refused:
        et.load_project(params)
    assert [p.key for p in refused.value.problems] == ["params.running_without_data_date"]
    with pytest.raises(et.DataValidationError) as refused_en:
        et.load_project(params, lang="en")
    assert "the project runs until 2099-12-31, but data_as_of is missing" in " ".join(str(refused_en.value).split())
    capsys.readouterr()
    assert cli.main(["validate", str(params)]) != cli.EXIT_OK
    out = capsys.readouterr()
    said = " ".join((out.out + out.err).split())
    assert ("projektet pågår till 2099-12-31, men data_as_of saknas: utan dagen då data togs ut skulle rapporten räkna "
            "hela perioden fram till 2099-12-31 som genomförd") in said
    from evaltools.data import project as loader  # (the day the tests load projects on: tests/conftest.py)
    assert f"Skriv data_as_of: ÅÅÅÅ-MM-DD i parameterfilen, dagen då data togs ut (senast {loader._today().isoformat()})" in said
    # the template's commented line, uncommented with the day the data were taken out
    assert "\n# data_as_of: ÅÅÅÅ-MM-DD " in text
    params.write_text(text.replace("\n# data_as_of: ÅÅÅÅ-MM-DD ", "\ndata_as_of: 2023-06-30 "), encoding="utf-8")
    loaded = et.load_project(params).params
    assert loaded.data_as_of == dt.date(2023, 6, 30) and not running_without_data_date(loaded)
    assert cli.main(["validate", str(params)]) == cli.EXIT_OK
    assert "pågår till" not in capsys.readouterr().out
    # an application checked before it starts has its period ahead of it
    assert not running_without_data_date(loaded.model_copy(update={"kind": "ansökan", "data_as_of": None}))


def test_an_analysis_plan_still_listing_the_example_goals_the_params_no_longer_hold_is_named(new_project, capsys):
    params = _filled_in(new_project())
    plan = params.parent / "text" / "steget.plan.sv.md"
    said = f"! steget: analysplanen {plan} listar under ## Mål exempelmål som evaltools new skrev"
    capsys.readouterr()
    assert cli.main(["validate", str(params)]) == cli.EXIT_OK
    assert said not in capsys.readouterr().out  # the params hold the examples too: that hint is the other one
    text = params.read_text(encoding="utf-8").replace("label: Minst 50 deltagare per år\n    target: 50",
                                                      "label: Minst 40 unga vuxna ska skrivas in per år\n    target: 40")
    params.write_text(text, encoding="utf-8")
    assert cli.main(["validate", str(params)]) == cli.EXIT_OK
    assert said in capsys.readouterr().out
    # the plan's goals written as the application's: nothing to say
    lines = plan.read_text(encoding="utf-8").replace("- Minst 50 deltagare per år (målvärde 50)",
                                                     "- Minst 40 unga vuxna ska skrivas in per år (målvärde 40)")
    plan.write_text(lines, encoding="utf-8")
    assert cli.main(["validate", str(params)]) == cli.EXIT_OK
    assert "analysplanen" not in capsys.readouterr().out


def test_the_filled_sheets_are_found_in_a_workbook_as_excel_writes_its_parts(tmp_path):
    # Excel names a sheet's part relative to xl/ (openpyxl, in the test above, from the root) and keeps text in
    # the shared strings, a cell holding its index (<v>0</v>); a row with only formatted empty cells is empty
    import zipfile  # (only this test writes a workbook's parts by hand)
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    def sheet(rows: str) -> str:
        return f'<worksheet xmlns="{main}"><sheetData>{rows}</sheetData></worksheet>'
    book = tmp_path / "bok.xlsx"
    with zipfile.ZipFile(book, "w") as z:
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
                   '<sheet name="questions" sheetId="1" r:id="rId1"/><sheet name="earnings" sheetId="2" r:id="rId2"/>'
                   '<sheet name="benefits" sheetId="3" r:id="rId3"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'relationships">' + "".join(f'<Relationship Id="rId{i}" Target="worksheets/sheet{i}.xml"/>'
                                               for i in (1, 2, 3)) + "</Relationships>")
        header = '<row r="3"><c r="A3" t="s"><v>0</v></c></row>'
        z.writestr("xl/worksheets/sheet1.xml", sheet(header + '<row r="4"><c r="A4" t="s"><v>1</v></c></row>'))
        z.writestr("xl/worksheets/sheet2.xml", sheet(header + '<row r="4"><c r="A4" s="2"/></row>'))
        z.writestr("xl/worksheets/sheet3.xml", sheet(header))
    assert cli._sheets_with_rows(book, {"questions", "earnings", "benefits"}, 4) == ["questions"]
    assert cli._sheets_with_rows(book, {"earnings", "benefits"}, 4) == []
    assert cli._sheets_with_rows(tmp_path / "saknas.xlsx", {"questions"}, 4) == []  # the loader names a missing file


def test_the_evaluators_text_as_notepad_saves_it_utf8_with_crlf_and_bom_is_read_and_ansi_is_refused(new_project, capsys):
    # docs/evaluator-text.md: UTF-8 with or without a byte-order mark and Windows line ends; ANSI refused
    params = _filled_in(new_project())
    text = params.parent / "text" / "steget.sv.md"
    words = "## Sammanfattande bedömning\r\n\r\nSteget vidare nådde många unga vuxna.\r\n"
    text.write_bytes(b"\xef\xbb\xbf" + words.encode("utf-8"))
    capsys.readouterr()
    assert cli.main(["validate", str(params)]) == cli.EXIT_OK
    assert "rapporten är ett utkast" not in capsys.readouterr().out  # the assessment was read
    text.write_bytes(words.encode("cp1252"))
    assert cli.main(["validate", str(params)]) == cli.EXIT_FAILED
    err = capsys.readouterr().err
    assert str(text) in err and "UTF-8" in err
    docs = (Path(__file__).resolve().parents[1] / "docs" / "evaluator-text.md").read_text(encoding="utf-8")
    assert "*Arkiv › Spara som*, *Kodning: UTF-8*" in docs
