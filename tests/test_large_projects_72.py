"""Large but plausible projects: what the report gives of a long budget, how many goals a params file may
set, how often a goal is evaluated, and that a PDF laid out again frees the layout it sets aside."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pandas as pd

from tests.conftest import params_refusal, write_csv


def _budget_rows(n_per_year: int, years=(2022, 2023)) -> list[dict]:
    """``n_per_year`` lines a year, line i budgeted 1 000·(i + 1) kr and spent 900·(i + 1) kr."""
    return [{"period": str(y), "category": f"Post {i + 1:03d}", "budget": 1000 * (i + 1), "actual": 900 * (i + 1)}
            for y in years for i in range(n_per_year)]


def _project(tmp_path: Path, budget: list[dict]) -> Path:
    write_csv(tmp_path / "data" / "participants.csv", [
        {"person_id": f"P{i}", "sex": "kvinna" if i % 2 else "man", "birth_year": 1980 + i,
         "household_type": "ensamstående", "start_date": "2022-02-01", "end_date": "2022-10-01",
         "outcome": "arbete" if i < 3 else "kvar_försörjningsstöd"} for i in range(12)])
    write_csv(tmp_path / "data" / "budget.csv", budget)
    p = tmp_path / "stor.yaml"
    p.write_text(textwrap.dedent("""\
        id: stor
        title: Stort testprojekt
        forbund: Testförbundet
        owner: Testkommun
        period: {start: 2022-01-01, planned_end: 2023-12-31}
        data_as_of: 2024-03-31
        data:
          participants: data/participants.csv
          budget: data/budget.csv
        goals:
          - {id: arbete, kind: share, label: Minst 20 % till arbete, target: 0.2, period: whole_period,
             denominator: exits, success_outcomes: [arbete]}
          - {id: deltagare, kind: participant_count, label: Minst 10 deltagare per år, target: 10, period: project_year}
        """), encoding="utf-8")
    return p


def test_lines_listed_up_to_the_limit():
    from evaltools.present.sections.budget import LINES_LISTED, lines_listed
    assert LINES_LISTED == 60
    assert lines_listed(pd.DataFrame(_budget_rows(30)))  # 60 lines
    assert not lines_listed(pd.DataFrame(_budget_rows(30) + _budget_rows(1, years=(2024,))))  # 61


def test_a_long_budget_gives_its_sums_in_the_report_and_every_line_in_the_workbook(tmp_path):
    import evaltools as et
    from evaltools.present.sections import budget as B
    from evaltools.publish.workbook import export_report
    report = et.Report(_project(tmp_path, _budget_rows(40)), lang="sv")  # 80 lines over two years
    table = B.blocks(report)[0][1]
    shown = table.frame.astype(str).apply(lambda c: c.str.replace("\u00a0", " ").str.replace("\u202f", " "))
    assert not shown.apply(lambda c: c.str.contains("Post 0")).any().any()  # no line listed
    # per year 1 000·(1 + … + 40) = 820 000 kr budgeted and 738 000 kr spent, by hand
    assert len(shown) == 3
    assert shown.iloc[0].str.contains("Summa 2022").any() and shown.iloc[0].str.contains("820 000").any()
    assert shown.iloc[0].str.contains("738 000").any()
    assert shown.iloc[2].str.contains("1 640 000").any()
    assert table.notes[0] == ("Budgeten har 80 kostnadsposter; tabellen visar summorna. Alla poster finns i "
                              "arbetsboken, bladet Budget.")
    written = export_report(report, tmp_path / "out", None)
    book = next(p for p in written if p.suffix == ".xlsx")
    from openpyxl import load_workbook
    sheet = load_workbook(book, read_only=True)["Budget"]
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row]
    assert sum(c.startswith("Post ") for c in cells) == 80


def test_a_short_budget_is_listed_line_by_line(tmp_path):
    import evaltools as et
    from evaltools.present.sections import budget as B
    report = et.Report(_project(tmp_path, _budget_rows(3)), lang="sv")
    table = B.blocks(report)[0][1]
    assert table.frame.astype(str).apply(lambda c: c.str.contains("Post 003")).any().any()
    assert not any("kostnadsposter" in n for n in table.notes)


def test_the_budget_chart_draws_the_largest_categories_and_the_others_as_one_bar():
    from evaltools.present.plots import CATEGORIES_DRAWN, drawn_categories
    assert CATEGORIES_DRAWN == 15
    # 30 categories budgeted 1 … 30 kr, spent 2 kr each: the 14 largest are 17 … 30, the others 1 … 16
    g = pd.DataFrame({"budget": [float(i) for i in range(1, 31)], "actual": [2.0] * 30},
                     index=pd.Index([f"K{i}" for i in range(1, 31)], name="category"))
    drawn = drawn_categories(g, "sv")
    assert list(drawn.index[:-1]) == [f"K{i}" for i in range(17, 31)]
    assert drawn.index[-1] == "Övriga 16 kostnadsposter"
    assert drawn.loc["Övriga 16 kostnadsposter", "budget"] == 136.0  # 1 + 2 + … + 16
    assert drawn.loc["Övriga 16 kostnadsposter", "actual"] == 32.0
    assert drawn["budget"].sum() == 465.0  # nothing lost: 30·31/2
    assert len(drawn_categories(g.iloc[:15], "en")) == 15  # 15 categories: each its own bar
    assert drawn_categories(g.iloc[:16], "en").index[-1] == "The other 2 cost lines"


def _goals_params(tmp_path: Path, n: int) -> Path:
    write_csv(tmp_path / "data" / "participants.csv", [
        {"person_id": "P1", "sex": "man", "birth_year": 1980, "household_type": "ensamstående",
         "start_date": "2022-02-01", "end_date": "", "outcome": ""}])
    goals = "".join(f"  - {{id: g{i}, kind: participant_count, label: Mål {i}, target: 10, period: whole_period}}\n"
                    for i in range(n))
    p = tmp_path / "mal.yaml"
    p.write_text("id: mal\ntitle: Många mål\nforbund: F\nowner: K\nperiod: {start: 2022-01-01, planned_end: 2023-12-31}\n"
                 "data:\n  participants: data/participants.csv\ngoals:\n" + goals, encoding="utf-8")
    return p


def test_more_than_60_goals_are_refused_with_the_count_and_the_limit(tmp_path):
    said = params_refusal(_goals_params(tmp_path, 61))
    assert "står 61 mål; en rapport bedömer högst 60" in said
    assert "got 61 goals; a report assesses at most 60" in params_refusal(_goals_params(tmp_path, 61), "en")


def test_sixty_goals_load(tmp_path):
    import evaltools as et
    assert len(et.load_project(_goals_params(tmp_path, 60)).params.goals) == 60


def test_each_goal_is_evaluated_once_per_period_in_a_report(tmp_path, monkeypatch):
    import collections
    import evaltools as et
    from evaltools.analysis import goals as G
    calls: collections.Counter = collections.Counter()
    evaluate = G._evaluate

    def counted(goal, window, *args, **kwargs):
        calls[(goal.id, window.key)] += 1
        return evaluate(goal, window, *args, **kwargs)

    monkeypatch.setattr(G, "_evaluate", counted)
    report = et.Report(_project(tmp_path, _budget_rows(2)), lang="sv")
    report.all_sections()  # the report notebook's sections in report order, then its tables
    et.export_report(report, tmp_path / "out", None)
    # the share goal over the whole period (one window) and the count goal over two project years
    assert set(calls) == {("arbete", "hela"), ("deltagare", "år1"), ("deltagare", "år2")}
    assert set(calls.values()) == {1}


def test_a_layout_set_aside_is_freed_before_the_next(monkeypatch):
    from evaltools.publish import render
    collected = []
    monkeypatch.setattr(render.gc, "collect", lambda *a: collected.append(1) or 0)
    with render._printer() as lay_out:
        lay_out("<p>eins</p>", Path("."))
        assert collected == []  # the first layout pays nothing
        lay_out("<p>zwei</p>", Path("."))
        lay_out("<p>drei</p>", Path("."))
    assert len(collected) == 2


def _page_of_lengths() -> str:
    """A page whose page 1 says its answer at three lengths: 80 lines (no room on one A4), 70 lines (none either)
    and 3 lines (room), then 40 outputs of text after page 1."""
    from evaltools.words.lengths import at_lengths
    def lines(n: int, word: str) -> str:
        return "".join(f"<p>{word} {i}</p>" for i in range(n))
    answer = at_lengths([("full", lines(80, "lang")), ("short", lines(70, "kort")), ("shortest", lines(3, "kortast"))])
    rest = "".join(f'<div class="jp-OutputArea-child"><h2>Avsnitt {i}</h2>{lines(30, "text")}</div>' for i in range(40))
    return (f'<html><body><div class="jp-OutputArea-child"><div>{answer}<p id="et-page-one-end">Slut</p></div></div>'
            f'{rest}</body></html>')


def test_page_one_is_the_page_up_to_the_output_after_its_last_line():
    from evaltools.publish.render import page_one
    page = _page_of_lengths()
    cut = page_one(page)
    assert "et-page-one-end" in cut and "Avsnitt 0" not in cut
    assert page.startswith(cut)
    assert page_one("<p>no page 1</p>") == "<p>no page 1</p>"


def test_a_page_one_too_long_is_tried_shorter_on_page_one_alone(tmp_path, monkeypatch):
    from evaltools.publish import render
    from evaltools.words.lengths import at_length
    printer = render._printer
    laid: list[str] = []

    def counting():
        with printer() as lay_out:
            yield lambda text, base: laid.append(text) or lay_out(text, base)

    monkeypatch.setattr(render, "_printer", __import__("contextlib").contextmanager(counting))
    page = _page_of_lengths()
    printed, held = render.print_report(page, tmp_path / "p.pdf", tmp_path)
    # 80 and 70 lines do not fit one A4 page, 3 do: the shortest is printed, and page 1 holds
    assert held is True
    assert printed == at_length(page, "shortest")
    # the whole page laid out twice (the full length, then the one printed); the short length on page 1 alone
    whole = [t for t in laid if "Avsnitt 39" in t]
    assert len(whole) == 2 and len(laid) == 3
    assert "kort 0" in laid[1] and "Avsnitt 0" not in laid[1]


def test_many_lines_after_the_end_are_named_as_a_range_of_rows(tmp_path):
    import evaltools as et
    # 30 lines for 2022–2023 (file rows 2–31), then 100 for 2025, after the project's end 2023-12-31 (rows 32–131)
    rows = _budget_rows(15) + [{"period": "2025", "category": f"Sen {i}", "budget": 10, "actual": 10} for i in range(100)]
    project = et.load_project(_project(tmp_path, rows))
    said = [w.text("sv") for w in project.warnings if "efter projektets slut" in w.text("sv")]
    assert len(said) == 1 and "rad 32–131 har belopp för 2025" in said[0], said
    assert "33" not in said[0].split("2025")[0]


def test_a_long_budget_of_one_period_gives_its_total_once(tmp_path):
    """61 lines in one year, 1 000·(1 + … + 61) = 1 891 000 kr budgeted: the table gives that sum once, as the
    total, not as the year's sum and then the same total again."""
    import evaltools as et
    from evaltools.present.sections import budget as B
    rows = [r for r in _budget_rows(61) if str(r["period"]) == "2022"]
    assert len(rows) == 61
    report = et.Report(_project(tmp_path, rows), lang="sv")
    shown = B.blocks(report)[0][1].frame.astype(str).apply(lambda c: c.str.replace("\u00a0", " ")
                                                             .str.replace("\u202f", " "))
    said = [" ".join(row) for row in shown.values.tolist()]
    assert sum("1 891 000" in row for row in said) == 1, said
