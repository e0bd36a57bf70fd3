"""The whole pipeline: notebooks executed by papermill into HTML, PDF, CSV and xlsx."""
from __future__ import annotations

import re
import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from pypdf import PdfReader

from evaltools.publish import render
from evaltools.publish.cli import main as cli_main

from .conftest import PARAMS, RENDERED_SAMPLES, participants_frame, sample_project, write_csv

# every report rendered here gets its kernel from the worker's zygote (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("worker_zygote")

SAMPLES = ["timra-vagen-ut", "eskilstuna-specialistteamet", "kompassen-demo", "eskilstuna-ansokan", "sprangbradan-demo"]


@pytest.fixture(scope="module")
def rendered(sample_reports):
    """Every sample and their portfolio in Swedish (rendered once per test run, see ``tests/conftest.py``)."""
    return sample_reports.out, sample_reports.results


def _pdf_text(path: Path) -> tuple[int, str]:
    reader = PdfReader(str(path))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs, self.scripts = [], 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        for key in ("src", "href"):
            if tag in ("script", "link", "img", "iframe", "source") and a.get(key):
                self.refs.append(a[key])


def test_every_sample_renders_all_formats(rendered):
    out, results = rendered
    for pid in SAMPLES + ["portfolio"]:
        assert results[pid].ok, results[pid].error
        d = out / pid
        assert (d / f"{pid}.html").stat().st_size > 10_000
        assert (d / f"{pid}.pdf").stat().st_size > 10_000
        assert (d / f"{pid}.ipynb").exists()
    for pid in SAMPLES:
        assert (out / pid / f"{pid}-tabeller.xlsx").exists()
        assert (out / pid / "tables" / "mal.csv").exists()
        assert not (out / pid / "tables-data").exists(), "machine-readable CSV only when asked for"
    assert not list(out.glob(".tmp-*")), "temporary folders must be cleaned up"
    # Timrå: every participant has ended, so at day 180 the share still in the project is the plain
    # share, 24 of 37 in year 1 = 0.648648..., written as a reader expects it, to four decimals (0,6486)
    # (year 2's rows are hidden: its 2 exits of another kind are 1-4 persons, tests/test_board_reading_33.py)
    rows = (out / "timra-vagen-ut" / "tables" / "tid_i_projekt.csv").read_text(encoding="utf-8-sig").splitlines()
    # (columns: group, day, successful exit, other exit, still in project, at risk, ...)
    assert any(r.startswith("År 1;180;") and ";0,6486;24;" in r for r in rows), rows


def test_html_is_offline(rendered):
    out, _ = rendered
    for pid in SAMPLES + ["portfolio"]:
        page = (out / pid / f"{pid}.html").read_text(encoding="utf-8")
        parser = _Refs()
        parser.feed(page)
        assert parser.scripts == 0
        external = [r for r in parser.refs if re.match(r"(https?:)?//", r)]
        assert external == [], external
        assert "<img" in page and "data:image/png;base64" in page
        assert "import evaltools" not in page, "code must be hidden"
        assert '<html lang="sv">' in page, "the page's language is the report's (screen readers, hyphenation)"


def test_timra_pdf_has_goal_figures_in_swedish(rendered):
    out, _ = rendered
    pages, text = _pdf_text(out / "timra-vagen-ut" / "timra-vagen-ut.pdf")
    assert 5 <= pages <= 30
    flat = " ".join(text.split())
    for figure in ("48,6 % (18/37)", "86,7 % (13/15)", "59,6 % (31/52)", "Måluppfyllelse", "1 128 000 kr", "21 692 kr",
                   "36 387 kr", "Sida 1 av"):
        assert figure.replace("\u00a0", " ") in flat.replace("\u00a0", " "), figure
    # year 2's target for 257 of 365 days in whole persons, as compared: 50 * 257/365 = 35,2 -> 35
    assert "Inte uppnått" in flat and "50 (35)" in flat.replace("\u00a0", " ")
    # the loader's note on the empty budget line, worded in the report's language
    assert "saknar både budget och utfall" in flat


def test_suppressed_counts_in_the_report(rendered):
    out, _ = rendered
    _, text = _pdf_text(out / "timra-vagen-ut" / "timra-vagen-ut.pdf")
    assert "<5" in text
    rows = list(csv_rows(out / "timra-vagen-ut" / "tables" / "deltagare.csv"))
    assert all(r["Antal"] == "" and r["Dolda uppgifter"].startswith(("Antal: <5", "Antal: ..")) or int(r["Antal"]) >= 5
               or r["Antal"] == "0" for r in rows)
    assert any(r["Antal"] == "" for r in rows)


def csv_rows(path: Path):
    import csv
    with open(path, encoding="utf-8-sig") as f:
        yield from csv.DictReader(f, delimiter=";")


def test_xlsx_workbook_has_the_key_tables(rendered):
    out, _ = rendered
    wb = openpyxl.load_workbook(out / "timra-vagen-ut" / "timra-vagen-ut-tabeller.xlsx")
    assert {"Mål", "Budget", "Kostnad och nytta", "Deltagare"} <= set(wb.sheetnames)
    budget = wb["Budget"]
    header = [c.value for c in budget[1]]
    col = header.index("Utfall") + 1
    assert sum(r[col - 1].value or 0 for r in budget.iter_rows(min_row=2)) == 1_128_000


def test_comparison_section_and_no_participants_case(rendered):
    out, _ = rendered
    _, demo = _pdf_text(out / "kompassen-demo" / "kompassen-demo.pdf")
    assert "skillnad-i-skillnader" in demo.lower()
    _, exante = _pdf_text(out / "eskilstuna-ansokan" / "eskilstuna-ansokan.pdf")
    assert "Förväntat enligt ansökan" in " ".join(exante.split())
    assert "Uppnått" not in exante and "Nås med ansökans volymer" in " ".join(exante.split())
    # the ex-ante check counts the application's budget, and the report says so, not "utfall, annars budget"
    words = " ".join(exante.split())
    assert "Total kostnad (budget; löpande priser) 3 863 075 kr" in words.replace("\u00a0", " ")
    assert "utfall, annars budget" not in words
    # and it is judged on its budget: no actual amounts booked since, so no note about lines with actuals
    assert "Budget och utfall" not in words and "räknar med budgeten på alla rader" not in words


def test_index_lists_every_report(rendered):
    out, _ = rendered
    index = (out / "index.html").read_text(encoding="utf-8")
    import re
    for pid in SAMPLES + ["portfolio"]:
        assert f'href="{pid}/{pid}.pdf"' in index
        # the same links in the same order on every row: HTML, PDF, workbook
        links = re.findall(rf'href="{pid}/[^"]+\.(\w+)"', index)
        assert links == ["html", "pdf", "docx", "xlsx"], (pid, links)
    # times as a reader writes them, to the minute
    assert re.search(r"OK \d{4}-\d\d-\d\d \d\d:\d\d<", index)
    assert "T" not in " ".join(re.findall(r"OK [^<]+", index))


def test_english_report(sample_reports_en):
    res, out = sample_reports_en.results["timra-vagen-ut"], sample_reports_en.out
    assert res.ok, res.error
    assert "csv" not in sample_reports_en.formats and "csv-data" in sample_reports_en.formats
    # every language but Swedish has its own folder, so the two never overwrite each other
    _, text = _pdf_text(out / "timra-vagen-ut" / "en" / "timra-vagen-ut.pdf")
    flat = " ".join(text.split())
    assert "Goal fulfilment" in flat and "48.6% (18/37)" in flat and "SEK 1,128,000" in flat.replace("\u00a0", " ")
    assert "Page 1 of" in flat
    # the budget file's period code "hela" and the generated cost-benefit texts read in English
    assert "Whole period Lönekostnader" in flat.replace("\u00a0", " ") and " hela " not in flat
    # (the range each assumption is tested over is a column of the assumptions table, from the registry)
    assert "Range tested" in flat and "1–5 years" in flat and "varieras" not in flat
    assert '<html lang="en">' in (out / "timra-vagen-ut" / "en" / "timra-vagen-ut.html").read_text(encoding="utf-8")
    assert not (out / "timra-vagen-ut" / "en" / "tables").exists(), "csv not asked for"
    # the machine-readable CSV was asked for: comma, decimal point, the stable column names
    assert (out / "timra-vagen-ut" / "en" / "tables-data" / "budget.csv").read_text(encoding="utf-8").startswith(
        "period,category,")


def test_failing_project_leaves_others_and_its_old_report(tiny_project, tmp_path):
    good = tiny_project()
    reports = tmp_path / "reports"
    first = render.render_project(good, reports, formats=("html",))
    assert first.ok, first.error
    old_html = (reports / "tiny" / "tiny.html").read_bytes()
    # break the tiny project's data, and render it together with a good project
    df = participants_frame()
    df.loc[0, "outcome"] = "felkod"
    write_csv(tiny_project.dir / "data" / "participants.csv", df)
    code = cli_main(["render", str(good), str(PARAMS / "timra-vagen-ut.yaml"), "--reports-dir", str(reports),
                     "--formats", "html", "--quiet", "--jobs", "2"])
    assert code == 1
    assert (reports / "tiny" / "tiny.html").read_bytes() == old_html, "last good report must be untouched"
    assert (reports / "timra-vagen-ut" / "timra-vagen-ut.html").exists()
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert "Misslyckades" in index and "felkod" in index


def test_failing_notebook_is_kept_for_inspection(tmp_path, monkeypatch):
    bad_nb = tmp_path / "bad.ipynb"
    shutil.copy(render.REPORT_NOTEBOOK, bad_nb)
    import nbformat
    nb = nbformat.read(bad_nb, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("raise RuntimeError('avsiktligt fel')"))
    nbformat.write(nb, bad_nb)
    monkeypatch.setattr(render, "REPORT_NOTEBOOK", bad_nb)
    res = render.render_project(PARAMS / "timra-vagen-ut.yaml", tmp_path / "r", formats=("html",))
    assert not res.ok and res.error.startswith("RuntimeError: avsiktligt fel\n")
    # where it happened, in the report's language, and where the notebook that shows it was kept
    # the appended cell runs last: after every code cell of the notebook and the parameters cell papermill adds
    cell = sum(c.cell_type == "code" for c in nb.cells) + 1
    assert res.error.endswith(f"(Felet uppstod i rapportens cell {cell}; den körda notebooken finns i "
                              f"{tmp_path / 'r' / '_failed' / 'timra-vagen-ut'}{os.sep}.)"), res.error
    assert (tmp_path / "r" / "_failed" / "timra-vagen-ut" / "timra-vagen-ut.ipynb").exists()
    assert not (tmp_path / "r" / "timra-vagen-ut").exists()
    # made again once the fault is gone: no failure is kept, nor an empty folder for one
    monkeypatch.undo()
    assert render.render_project(PARAMS / "timra-vagen-ut.yaml", tmp_path / "r", formats=("html",)).ok
    assert not (tmp_path / "r" / "_failed").exists()


@pytest.mark.parametrize("lang, advice", [
    ("sv", "Kontrollera att det går att skriva i rapportmappen och att disken har plats."),
    ("en", "Check that the reports folder is writable and the disk has room."),
])
def test_a_full_disk_is_said_in_the_reports_language(lang, advice):
    said = render._describe(OSError(28, "No space left on device", "/r/x.pdf"), lang)
    assert said == f"OSError: No space left on device (/r/x.pdf). {advice}"


def test_html_only_needs_no_pdf_printer_and_a_missing_printer_still_delivers_html(tmp_path, monkeypatch):
    import sys
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as when Pango is missing: the import fails
    project = PARAMS / "eskilstuna-ansokan.yaml"
    (ok,) = render.render_many([project], tmp_path / "a", formats=("html",), jobs=1, progress=False)
    assert ok.ok and ok.files == ["eskilstuna-ansokan.html", "eskilstuna-ansokan.ipynb"]
    (partial,) = render.render_many([project], tmp_path / "b", formats=("html", "pdf"), jobs=1, progress=False)
    assert partial.ok and (tmp_path / "b" / "eskilstuna-ansokan" / "eskilstuna-ansokan.html").is_file()
    assert not (tmp_path / "b" / "eskilstuna-ansokan" / "eskilstuna-ansokan.pdf").exists()
    assert any("apt-get install libpango-1.0-0 libpangoft2-1.0-0" in n for n in partial.notes)
    index = (tmp_path / "b" / "index.html").read_text(encoding="utf-8")
    assert "apt-get install libpango" in index
    (failed,) = render.render_many([project], tmp_path / "c", formats=("pdf",), jobs=1, progress=False)
    assert not failed.ok and "apt-get install libpango-1.0-0" in failed.error


def test_rendering_some_formats_or_another_language_keeps_the_rest(tmp_path):
    """html only, then English, then every format: each earlier file is still there, and the index
    lists each language's files."""
    project = PARAMS / "eskilstuna-ansokan.yaml"
    out = tmp_path / "r"
    key = "eskilstuna-ansokan"
    assert render.render_project(project, out, formats=("html", "pdf", "xlsx")).ok
    pdf_before = (out / key / f"{key}.pdf").read_bytes()
    assert render.render_project(project, out, formats=("html",)).ok
    assert (out / key / f"{key}.pdf").read_bytes() == pdf_before, "an html-only run keeps the PDF"
    assert list((out / key).glob("*.xlsx")), "and the workbook"
    assert render.render_project(project, out, formats=("html", "pdf"), lang="en").ok
    assert (out / key / "en" / f"{key}.pdf").is_file()
    assert (out / key / f"{key}.pdf").read_bytes() == pdf_before, "English never overwrites Swedish"
    assert render.render_project(project, out, formats=("html", "csv")).ok
    assert (out / key / "en" / f"{key}.html").is_file(), "a Swedish render keeps the English report"
    assert (out / key / "tables").is_dir() and (out / key / f"{key}.pdf").is_file()
    index = render.write_index(out).read_text(encoding="utf-8")
    assert f'href="{key}/{key}.pdf"' in index and f'href="{key}/en/{key}.pdf"' in index
    assert f'href="{key}/en/{key}.html"' in index and "English" in index


def test_project_where_no_participant_has_ended_yet_renders(tiny_project, tmp_path):
    # a project a few months in: six participants, all still enrolled, a budget without utfall
    rows = [(f"P{i}", "kvinna" if i % 2 else "man", 1980 + i, "ensamstående", f"2022-0{i}-01", "", "")
            for i in range(1, 7)]
    write_csv(tiny_project.dir / "data/participants.csv", participants_frame(rows))
    write_csv(tiny_project.dir / "data/budget.csv", [{"period": "2022", "category": "Lön", "budget": 500000, "actual": None}])
    res = render.render_project(tiny_project("data_as_of: 2022-10-31\n"), tmp_path / "reports", formats=("html",))
    assert res.ok, res.error
    text = " ".join(re.sub(r"<[^>]+>", " ", (tmp_path / "reports" / "tiny" / "tiny.html").read_text(encoding="utf-8")).split())
    assert "Ingen av de 6 deltagarna har avslutat sin insats ännu; utfallen redovisas" in text
    assert "Ingen av de 6 deltagarna har avslutat sin insats ännu, så tiden i projektet" in text
    assert "kalkylen visar bara kostnaden" in text and "Känslighetsanalys" not in text
    assert "var 6 deltagare fortfarande inskrivna" in text  # ("Vid analysdatumet … var 6 deltagare …")


def test_project_with_no_exit_from_social_assistance_shows_the_cost_only(tiny_project, tmp_path):
    rows = [(f"P{i}", "kvinna", 1980 + i, "ensamstående", f"2022-0{i}-01", f"2022-0{i + 2}-01", "avbrott")
            for i in range(1, 7)]
    write_csv(tiny_project.dir / "data/participants.csv", participants_frame(rows))
    res = render.render_project(tiny_project("data_as_of: 2022-10-31\n"), tmp_path / "reports", formats=("html",))
    assert res.ok, res.error
    text = " ".join(re.sub(r"<[^>]+>", " ", (tmp_path / "reports" / "tiny" / "tiny.html").read_text(encoding="utf-8")).split())
    assert "Ingen av de avslutade deltagarna har lämnat försörjningsstödet" in text
    assert "Känslighetsanalys" not in text and "Monte Carlo (" not in text


def test_portfolio_shows_no_cost_for_a_project_without_budget_file(tiny_project):
    from evaltools.present.portfolio import Portfolio
    no_budget = tiny_project(data_block="data:\n  participants: data/participants.csv\n")
    row = Portfolio([no_budget]).table.iloc[0]
    # four participants: fewer than 5, so the portfolio withholds their number (the differencing rule)
    assert pd.isna(row["participants"]) and "participants" in row["withheld"]
    for col in ("cost", "cost_per_participant", "npv_public", "npv_society", "bcr_public"):
        assert pd.isna(row[col]), col  # unknown, not 0 kr


def test_data_quality_table_does_not_print_person_ids(tiny_project):
    import evaltools as et
    # a payment to a person who is not in the participant file: the loader flags it by row
    write_csv(tiny_project.dir / "data/payments.csv", [
        {"person_id": "P1", "month": "2022-01", "amount": 9000},
        {"person_id": "X-4711", "month": "2022-02", "amount": 12000},
    ])
    table = et.Report(tiny_project()).quality_table()
    row = table[table["Kolumn"] == "person_id"].iloc[0]
    assert row["Fil"] == "payments.csv" and row["Rad"] == "3"
    assert row["Värde"] == "(visas inte)"
    assert "X-4711" not in table.to_string()


def test_data_quality_table_does_not_print_a_persons_dates(tiny_project):
    """An end date after the extraction date is flagged by row, but the date itself (a fact about one
    person) is not printed in the report."""
    import evaltools as et
    df = participants_frame()
    df.loc[3, "start_date"] = "2022-10-01"  # (a start after the extraction date is refused, not flagged)
    write_csv(tiny_project.dir / "data" / "participants.csv", df)
    report = et.Report(tiny_project("data_as_of: 2022-11-30\n"))  # P2 ended 2022-12-01, after it
    table = report.quality_table()
    flagged = table[table["Kolumn"] == "end_date"]
    assert len(flagged) and (flagged["Värde"] == "(visas inte)").all()
    assert "2022-12-01" not in table.to_string()


def test_tiny_project_gets_no_empty_charts(tiny_project, monkeypatch):
    # four participants: every composition count is below 5 and every monthly payment mean is hidden
    import evaltools as et
    from evaltools.present import report as report_module
    report = et.Report(tiny_project())
    # catch what each section hands to the display: charts are matplotlib figures
    blocks = []
    monkeypatch.setattr(report_module, "_display", lambda *objs: blocks.append(objs))
    report.participants_section()
    report.payments_section()
    figures = [o for objs in blocks for o in objs if hasattr(o, "savefig")]
    assert figures == []
    texts = " ".join(p for objs in blocks for o in objs if isinstance(o, report_module.Text) for p in o.paragraphs)
    assert "Diagrammet visas inte" in texts


def _struct_elements(node, out: list) -> list:
    """Every structure element under ``node`` of a tagged PDF, depth first."""
    node = node.get_object()
    if hasattr(node, "get") and node.get("/S") is not None:
        out.append(node)
    kids = node.get("/K") if hasattr(node, "get") else None
    if kids is None:
        return out
    for kid in (kids if isinstance(kids, list) else [kids]):
        if hasattr(kid, "get_object") and hasattr(kid.get_object(), "get"):
            _struct_elements(kid, out)
    return out


def test_pdfs_are_tagged_with_language_title_and_alt_texts(rendered):
    out, _ = rendered
    for pid in SAMPLES + ["portfolio"]:
        reader = PdfReader(str(out / pid / f"{pid}.pdf"))
        root = reader.trailer["/Root"]
        assert root["/Lang"] == "sv", pid
        assert bool(root["/MarkInfo"]["/Marked"]), pid
        assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]), pid
        assert reader.metadata.title, pid
        assert len(reader.outline) >= 1, "bookmarks from the headings"
        elements = _struct_elements(root["/StructTreeRoot"], [])
        kinds = [str(e["/S"]) for e in elements]
        assert kinds.count("/H1") == 1 and "/H2" in kinds and "/Table" in kinds and "/TH" in kinds, pid
        figures = [e for e in elements if e["/S"] == "/Figure"]
        assert figures, pid
        for f in figures:  # every chart says what it shows and its numbers, not "Diagram"
            alt = str(f.get("/Alt", ""))
            assert len(alt) > 60 and alt != "Diagram" and re.search(r"\d", alt), (pid, alt)


def test_timra_chart_alt_texts_carry_the_reports_numbers(rendered):
    out, _ = rendered
    root = PdfReader(str(out / "timra-vagen-ut" / "timra-vagen-ut.pdf")).trailer["/Root"]
    alts = " | ".join(str(e["/Alt"]) for e in _struct_elements(root["/StructTreeRoot"], []) if e["/S"] == "/Figure")
    # the final report's shares (18/37, 13/15, 31/52) and its budget line 1 086 000 kr / 956 000 kr
    for figure in ("48,6 %", "86,7 %", "59,6 %", "budget 1 086 000 kr, utfall 956 000 kr"):
        assert figure in alts.replace("\u00a0", " "), figure


class _Structure(HTMLParser):
    """Headings, images and table header cells of a page."""

    def __init__(self):
        super().__init__()
        self.headings, self.alts, self.th_scopes, self.lang = [], [], [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "img":
            self.alts.append(a.get("alt"))
        if tag == "th":
            self.th_scopes.append(a.get("scope"))


def test_html_structure_for_screen_readers(rendered):
    out, _ = rendered
    for pid in SAMPLES + ["portfolio"]:
        page = _Structure()
        page.feed((out / pid / f"{pid}.html").read_text(encoding="utf-8"))
        assert page.lang == "sv"
        assert page.headings.count(1) == 1 and page.headings[0] == 1, pid
        # headings in order: never a jump of more than one level down
        assert all(b <= a + 1 for a, b in zip(page.headings, page.headings[1:])), (pid, page.headings)
        assert page.alts and all(a and len(a) > 60 and a != "Diagram" for a in page.alts), pid
        # column headers, and the heading row of a group of rows (a goal above its periods)
        assert page.th_scopes and all(s in ("col", "rowgroup") for s in page.th_scopes), pid
        assert "col" in page.th_scopes, pid


# --- the words of the rendered reports --------------------------------------------------------

class _Words(HTMLParser):
    """The text a reader sees, without the params file printed verbatim in the footer, nor text
    marked as another language (a ``div`` with ``lang``: the evaluator's Swedish in an English report)."""

    def __init__(self):
        super().__init__()
        self.parts, self.skip, self.divs = [], 0, []

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "pre"):
            self.skip += 1
        if tag == "div":
            self.divs.append("lang" in dict(attrs))
        if tag == "img":
            self.parts.append(dict(attrs).get("alt") or "")

    def handle_endtag(self, tag):
        if tag in ("style", "script", "pre"):
            self.skip -= 1
        if tag == "div" and self.divs:
            self.divs.pop()

    def handle_data(self, data):
        if not self.skip and not any(self.divs):
            self.parts.append(data)


def _words(path: Path) -> str:
    p = _Words()
    p.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(p.parts).split())


# internal names and program values that must never reach a reader, in either language
INTERNAL = ["cost_basis", "Not found", "ej_bedömt", "ej_uppnått", "goal_id", "NaN", "nan", "None", "True", "False",
            "monthly_level", "ex_ante", "kvar_försörjningsstöd", "person_id", "undefined", "Traceback"]
# words that give away the other language (whole words, chosen so that neither language uses them itself);
# "params" and "seed" are internal names in a Swedish report, ordinary words in an English one
ENGLISH = ["params", "seed", "the", "and", "of", "with", "which", "participants", "Section", "Summary", "Goal", "Share",
           "years", "month", "Costs", "benefit", "assessment", "not", "Page"]
SWEDISH = ["och", "av", "med", "för", "inte", "deltagare", "Sammanfattning", "Måluppfyllelse", "Andel", "månad",
           "kostnad", "nytta", "Uppnått", "avslutade", "försörjningsstöd", "Sida", "kr/mån", "Utfall"]


def _found(text: str, words: list[str]) -> list[str]:
    """The listed words that occur as whole words (not as part of a file name such as participants.csv)."""
    return [w for w in words if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-]|\.\w)", text)]


def _own_words(pids: list[str]) -> list[str]:
    """What the projects themselves wrote (names, sources, budget lines): shown as given in any language."""
    from evaltools.data import schema as S
    own = []
    for pid in pids:
        project = sample_project(pid)
        p = project.params
        own += [p.title, p.forbund, p.owner, *p.partners, p.cost_benefit.monthly_level.source or ""]
        if project.budget is not None:
            own += [str(c) for c in project.budget[S.CATEGORY]]
    return sorted({" ".join(o.split()) for o in own if o}, key=len, reverse=True)


def _without(text: str, own: list[str]) -> str:
    for o in own:
        text = text.replace(o, " ")
    return text


def test_swedish_reports_have_no_english_words_or_internal_names(rendered):
    out, _ = rendered
    for pid in SAMPLES + ["portfolio"]:
        text = _words(out / pid / f"{pid}.html")
        assert "Sammanfattning" in text or "Portföljöversikt" in text, pid  # the scan reads the report
        assert _found(text, INTERNAL + ENGLISH) == [], pid
    assert _found(_words(out / "index.html"), INTERNAL + ENGLISH) == []


@pytest.fixture(scope="module")
def rendered_en(sample_reports_en):
    """Every sample and their portfolio in English (rendered once per test run, see ``tests/conftest.py``)."""
    results = sample_reports_en.results.values()
    assert all(r.ok for r in results), [r.error for r in results if not r.ok]
    return sample_reports_en.out


def test_english_reports_have_no_swedish_words_or_internal_names(rendered_en):
    out = rendered_en
    # (the portfolio names every sample it shows)
    own = {**dict.fromkeys(SAMPLES, _own_words(SAMPLES)), "portfolio": _own_words(list(RENDERED_SAMPLES))}
    # (the terms table glosses social assistance once with its Swedish name, for a reader of the evaluator's Swedish
    # text: the glossary's own term, not a stray word)
    from evaltools.words.text import catalog
    gloss = [catalog("en").msg("glossary.term.forsorjningsstod.name")]
    for pid in SAMPLES + ["portfolio"]:
        text = _without(_without(_words(out / pid / "en" / f"{pid}.html"), gloss), own[pid])
        assert "Summary" in text or "Portfolio overview" in text, pid
        assert _found(text, INTERNAL + SWEDISH) == [], pid
    # (the index lists every language's reports and is written in Swedish)
    assert _found(_words(out / "index.html"), INTERNAL) == []


def test_the_language_scan_finds_a_stray_word():
    assert _found("Andel lyckade: 48,6 % of the participants", ENGLISH) == ["the", "of", "participants"]
    assert _found("Kostnad per deltagare, cost_basis: budget", INTERNAL) == ["cost_basis"]
    assert _found("SHA-256 participants.csv", ENGLISH) == []
    assert _found("Nettonuvärde per år", ["år"]) == ["år"] and _found("bedömt", ["ej_bedömt"]) == []


# --- the body speaks plain language; the technical account is in the appendix ----------------

# technical terms and internal names that belong in the appendix (or nowhere), never in the body
# (the names of statistical tests, interval methods and estimators are the method section's: the body
# says "an exact test", "adjusted for the many comparisons", "a simulation")
TECHNICAL = ["fröet", "seed", "Jeffreys", "SHA-256", "beta, sd", "cost_basis", "kontrollsumma", "checksum", "evaltools",
             "Fisher", "Fishers", "chi2", "chitvåtest", "chi-square", "Kaplan", "Aalen", "Clopper", "Wilson",
             "Monte Carlo", "Holm", "Holms", "binomialtest", "binomialtestet", "binomial test"]
TECHNICAL_SV = ["params"]  # (an English assumption table names its source "params file")
QUARTER_CODE = re.compile(r"\b\d{4}Q[1-4]\b")


def _body_and_appendix(path: Path) -> tuple[str, str]:
    page = path.read_text(encoding="utf-8")
    cut = re.search(r"""<h2[^>]*\bid=["']et-appendix["']""", page).start()
    tmp_body, tmp_app = path.with_suffix(".body.html"), path.with_suffix(".appendix.html")
    tmp_body.write_text(page[:cut], encoding="utf-8")
    tmp_app.write_text(page[cut:], encoding="utf-8")
    return _words(tmp_body), _words(tmp_app)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_body_has_no_technical_terms_and_the_appendix_holds_them(rendered, rendered_en, lang):
    for pid in SAMPLES:
        path = rendered[0] / pid / f"{pid}.html" if lang == "sv" else rendered_en / pid / "en" / f"{pid}.html"
        body, appendix = _body_and_appendix(path)
        assert _found(body, TECHNICAL + (TECHNICAL_SV if lang == "sv" else [])) == [], (pid, lang)
        assert not QUARTER_CODE.search(body), (pid, lang, QUARTER_CODE.search(body).group(0))
        assert "SHA-256" in appendix, pid  # the checksums moved, not vanished
        assert ("Bilaga: teknisk redovisning" if lang == "sv" else "Appendix: technical account") in appendix


def test_page_one_answers_the_board_and_says_whose_assessment(rendered):
    out, _ = rendered
    for pid in SAMPLES:
        (first,) = _pdf_pages(out / pid / f"{pid}.pdf", 1)
        # an application check asks in the future tense what a finished project's report asks in the past
        questions = (("Kan projektet nå sina mål?", "Vad kommer det att kosta?",
                      "Vad krävs för att det ska löna sig – och för vem?") if "ansokan" in pid else
                     ("Nådde projektet sina mål?", "Vad kostade det?", "Var det värt det – och för vem?"))
        assert "Nådde projektet" not in first or "ansokan" not in pid, pid
        order = [first.index(q) for q in (*questions, "Utvärderarens bedömning")]
        assert order == sorted(order), pid
        # sentences give amounts as a reader says them, rounded, never to the krona (a table that follows on
        # page 1 may be exact); an amount whose sentence must add up at thousands reads "3 308 000 kr", never
        # "3,308 miljoner kronor"
        summary = first.split("Om projektet")[0].replace("\u00a0", " ")
        assert not re.search(r"\d \d{3} (?!000)\d{3} kr", summary), pid
        assert not re.search(r"\d,\d{3} miljon", summary), pid


# every sample, also the two the pipeline tests above leave out
EVERY_SAMPLE = [*SAMPLES, "nasta-steg", "samverkan-i-praktiken"]


@pytest.fixture(scope="module")
def page_ones(sample_reports, sample_reports_en):
    """The PDF of every sample in Swedish and in English, by (language, project id)."""
    results = [*sample_reports.results.values(), *sample_reports_en.results.values()]
    assert all(r.ok for r in results), [r.error for r in results if not r.ok]
    assert set(EVERY_SAMPLE) <= set(RENDERED_SAMPLES)
    pdfs = {("sv", p): sample_reports.out / p / f"{p}.pdf" for p in EVERY_SAMPLE}
    pdfs |= {("en", p): sample_reports_en.out / p / "en" / f"{p}.pdf" for p in EVERY_SAMPLE}
    return pdfs


# page 1 ends with the pointer to the appendix; page 2 begins with the facts about the project
PAGE_ONE_END = {"sv": ("Hur siffrorna är beräknade står i bilagan sist i rapporten.", ("Om projektet", "Uppgift")),
                "en": ("How the figures are calculated is set out in the appendix at the end of the report.",
                       ("About the project", "Item"))}


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("pid", EVERY_SAMPLE)
def test_page_one_holds_on_one_page(page_ones, pid, lang):
    """Page 1 ends with the pointer to the appendix: when that sentence (or any part of the evaluator's
    assessment before it) spills onto page 2, the board's page is no longer one page, in either language."""
    last, facts = PAGE_ONE_END[lang]
    pages = [" ".join(p.split()) for p in _pdf_pages(page_ones[lang, pid], 2)]
    assert last in pages[0], (pid, lang, pages[0][-300:])
    assert pages[1].lstrip().startswith(facts) or facts[0] in pages[0], (pid, lang, pages[1][:300])


def _pdf_pages(path: Path, first: int | None = None) -> list[str]:
    """The text of each page (of the ``first`` pages only, if given)."""
    return [page.extract_text() for page in PdfReader(str(path)).pages[:first]]


def _without_today(text: str) -> str:
    """A rendered page with today's date (and the run's clock time) masked: the only thing that may differ
    between two renders of the same inputs."""
    import datetime as dt
    return re.sub(re.escape(dt.date.today().isoformat()) + r"(</span>)?( \d{2}:\d{2})?", "DATE", text)


def test_two_renders_of_every_sample_are_identical_apart_from_the_date(sample_reports, tmp_path):
    out = sample_reports.out
    # the same params files again (the page names its params file); the PDF and Word document are not compared
    again = render.render_many([sample_reports.params / f"{p}.yaml" for p in SAMPLES], tmp_path, ("html", "xlsx", "csv"),
                               jobs=2, progress=False, portfolio=False)
    assert all(r.ok for r in again), [r.error for r in again if not r.ok]
    for pid in SAMPLES:
        first = (out / pid / f"{pid}.html").read_text(encoding="utf-8")
        second = (tmp_path / pid / f"{pid}.html").read_text(encoding="utf-8")
        # every table and every chart: the charts are PNGs embedded in the page, so they are compared byte for byte
        charts = re.findall(r"data:image/png;base64,[A-Za-z0-9+/=]+", first)
        assert charts and charts == re.findall(r"data:image/png;base64,[A-Za-z0-9+/=]+", second), pid
        assert _without_today(first) == _without_today(second), pid
        for csv in sorted((out / pid / "tables").glob("*.csv")):
            assert csv.read_bytes() == (tmp_path / pid / "tables" / csv.name).read_bytes(), (pid, csv.name)
        book_a = openpyxl.load_workbook(out / pid / f"{pid}-tabeller.xlsx")
        book_b = openpyxl.load_workbook(tmp_path / pid / f"{pid}-tabeller.xlsx")
        for ws in book_a.worksheets:
            assert list(ws.values) == list(book_b[ws.title].values), (pid, ws.title)


def test_an_error_in_the_evaluators_text_is_told_in_its_own_words(tiny_project):
    """A figure name the report does not have, cited in the evaluator's text, stops the report with the file, line
    and name; the command said it as "NarrativeError: … (Felet uppstod i rapportens cell …)"."""
    path = tiny_project()
    (path.parent / "text").mkdir()
    (path.parent / "text" / "tiny.sv.md").write_text("## Sammanfattande bedömning\nKostnaden var {{ okand_siffra }}.\n",
                                                     encoding="utf-8")
    res = render.render_project(path, tiny_project.dir / "reports", formats=("html",))
    assert not res.ok and "okand_siffra" in res.error and "tiny.sv.md" in res.error, res.error
    assert not re.match(r"\w+Error: ", res.error) and "rapportens cell" not in res.error, res.error
