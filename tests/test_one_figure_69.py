"""One figure, one value, wherever a board reads it: the report's key figures against its Word document, its
workbook as Excel shows it, its CSV for Excel, the portfolio's row and the what-if panel; and a few of them worked
out again from the sample's own files (pandas for the counts and sums, statsmodels' Clopper–Pearson interval, as
docs/methods.md names it, for the shares).

An amount the report prints rounded to whole kronor is rounded the way docs/methods.md and the report's formats say:
a half away from zero, from the figure itself. A cell that shows an amount in whole kronor (the workbook's number
format, the CSV for Excel) must therefore show the same whole kronor, not a rounding of an already rounded value."""
from __future__ import annotations

import csv
import datetime as dt
import decimal
import re
from pathlib import Path

import docx
import openpyxl
import pandas as pd
import pytest
import yaml
from bs4 import BeautifulSoup
from statsmodels.stats.proportion import proportion_confint

from evaltools.publish.workbook import Column, Sheet, cell, write_csv

SAMPLES = ("timra-vagen-ut", "eskilstuna-specialistteamet", "kompassen-demo", "eskilstuna-ansokan", "nasta-steg",
           "sprangbradan-demo", "samverkan-i-praktiken")
WITH_EXITS = ("timra-vagen-ut", "eskilstuna-specialistteamet", "kompassen-demo", "nasta-steg", "sprangbradan-demo")
NBSP = "\u00a0"


def _half_up(x: float, places: int = 0) -> float:
    """``x`` rounded as a person and Excel round it (a half away from zero), worked out here with decimal."""
    return float(decimal.Decimal(repr(float(x))).quantize(decimal.Decimal(1).scaleb(-places),
                                                          rounding=decimal.ROUND_HALF_UP))


def _number(text: str) -> float:
    """A Swedish figure as shown (``−1 187 871 kr``, ``47,8 %``, ``2,59``) as a number."""
    s = text.replace(NBSP, " ").replace("\u2212", "-").replace("kr", "").replace("%", "").replace(" ", "").strip()
    return float(s.replace(",", "."))


def _plain(text: object) -> str:
    """A text with its non-breaking spaces as spaces and its runs of white space as one."""
    return re.sub(r"\s+", " ", str(text).replace(NBSP, " ")).strip()


def _kr(text: str) -> int:
    return int(_number(text))


# --- the rendered reports, read as a reader reads them -------------------------------------------------------

def _html_text(path: Path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    return re.sub(r"\s+", " ", soup.get_text(" ").replace(NBSP, " "))


def _html_key_figures(path: Path) -> dict[str, str]:
    """The cost-benefit section's key-figure table: name → value as printed (the first table headed Nyckeltal)."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for table in soup.find_all("table"):
        head = [th.get_text(" ", strip=True) for th in table.find_all("th")][:2]
        if head[:1] == ["Nyckeltal"]:
            rows = [[re.sub(r"\s+", " ", c.get_text(" ", strip=True)).replace(" ;", ";").replace("( ", "(")
                     .replace(" )", ")") for c in tr.find_all(["td", "th"])] for tr in table.find_all("tr")]
            return {_plain(r[0]): _plain(r[1]) for r in rows[1:] if len(r) == 2}
    raise AssertionError(f"no key-figure table in {path}")


def _docx_key_figures(path: Path) -> dict[str, str]:
    for table in docx.Document(str(path)).tables:
        rows = [[c.text for c in r.cells] for r in table.rows]
        if rows and rows[0][:1] == ["Nyckeltal"]:
            return {_plain(r[0]): _plain(r[1]) for r in rows[1:]}
    raise AssertionError(f"no key-figure table in {path}")


def _workbook_key_figures(path: Path) -> dict[str, tuple[object, str]]:
    """The workbook's key figures: name → (the cell's value, its number format)."""
    ws = openpyxl.load_workbook(path)["Kostnad och nytta"]
    return {r[0].value: (r[1].value, r[1].number_format) for r in ws.iter_rows() if r[0].value}


def _excel_shows(value: object, number_format: str) -> float:
    """What Excel displays for a number in a cell with ``number_format`` (``#,##0 "kr"``, ``#,##0.0``):
    the value rounded half away from zero to the format's decimals."""
    places = len(number_format.split(";")[0].split(".")[1].split('"')[0].strip()) if "." in number_format else 0
    return _half_up(float(value), places)  # type: ignore[arg-type]


def _csv_rows(path: Path) -> dict[str, list[str]]:
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    return {line.split(";")[0]: line.split(";")[1:] for line in lines[1:]}


def _portfolio_row(out: Path, pid: str) -> tuple[dict, dict]:
    """The portfolio's row for ``pid``: from its workbook (value and number format per column heading) and from its
    CSV for Excel (text per heading)."""
    ws = openpyxl.load_workbook(out / "portfolio" / "portfolio.xlsx")["Projekt"]
    rows = list(ws.iter_rows())
    head = [c.value for c in rows[0]]
    mine = next(r for r in rows[1:] if r[0].value == pid)
    xlsx = {h: (c.value, c.number_format) for h, c in zip(head, mine)}
    lines = (out / "portfolio" / "portfolio.csv").read_text(encoding="utf-8-sig").splitlines()
    table = list(csv.reader(lines, delimiter=";"))
    csv_row = dict(zip(table[0], next(r for r in table[1:] if r[0] == pid)))
    return xlsx, csv_row


# --- 1. an amount in whole kronor is the report's whole kronor in the workbook and its CSV -----------------------

AMOUNTS = (3_714_691.498133205, 10.5, -2.5, 0.4999999999, 1_258_070.31)


def test_an_amount_cell_shows_in_excel_the_whole_kronor_the_report_prints():
    column = Column("cost", "workbook.column.portfolio.cost", "kr")
    shown = [_excel_shows(cell(column, v, "sv").value, '#,##0 "kr"') for v in AMOUNTS]
    assert shown == [3_714_691, 11, -3, 0, 1_258_070]


def test_the_csv_for_excel_gives_an_amount_in_the_whole_kronor_the_report_prints(tmp_path):
    sheet = Sheet("belopp", "workbook.sheet.kostnad_nytta", "workbook.sheet.kostnad_nytta",
                  pd.DataFrame({"cost": list(AMOUNTS)}), [Column("cost", "workbook.column.portfolio.cost", "kr")])
    lines = write_csv(tmp_path / "belopp.csv", sheet, "sv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[1:] == ["3714691", "11", "-3", "0", "1258070"]


# (the sample whose cost in the price year's prices is 3 714 691,498 kr, which the report prints 3 714 691 kr, was
# given 3 714 692 kr by the workbook, its CSV and the portfolio's when amounts were rounded to öre first)
@pytest.mark.parametrize("pid", SAMPLES)
def test_the_cost_the_person_years_cover_is_one_amount_wherever_it_is_shown(sample_reports, pid):
    out = sample_reports.out
    html = _html_text(out / pid / f"{pid}.html")
    found = re.search(r"Personåren räknas med kostnaden omräknad till (\d{4}) års priser, ([\d ]+) kr", html)
    assert found, pid
    printed = int(found.group(2).replace(" ", ""))
    wb = _workbook_key_figures(out / pid / f"{pid}-tabeller.xlsx")
    value, number_format = wb["Total kostnad, prisårets priser"]
    own_csv = _csv_rows(out / pid / "tables" / "kostnad_nytta.csv")
    xlsx_row, csv_row = _portfolio_row(out, pid)
    heading = "Kostnad som personåren bär (i projektets prisår, utan diskontering)"
    shown = {"workbook": _excel_shows(value, number_format), "csv": int(own_csv["Total kostnad, prisårets priser"][0]),
             "portfolio workbook": _excel_shows(*xlsx_row[heading]), "portfolio csv": int(csv_row[heading])}
    assert shown == dict.fromkeys(shown, printed), (pid, printed, shown)
    assert xlsx_row["Projektets prisår (för personåren och kostnaden de bär)"][0] == int(found.group(1))


# --- 2. the key figures: the report, its Word document, its workbook and the what-if panel ----------------------

@pytest.mark.parametrize("pid", SAMPLES)
def test_the_word_document_gives_every_key_figure_as_the_report_does(sample_reports, pid):
    out = sample_reports.out / pid
    html = _html_key_figures(out / f"{pid}.html")
    word = _docx_key_figures(out / f"{pid}.docx")
    assert len(html) >= 2
    assert html == word


# key figure in the report → (key figure in the workbook, how many decimals the report prints it with)
KEY_FIGURES = {
    "Total kostnad (utfall, annars budget; löpande priser)": ("Total kostnad, löpande priser", 0),
    "Personer som lämnat försörjningsstödet": ("Lämnat försörjningsstödet", 0),
    "Nettonuvärde för de offentliga finansiärerna": ("Nettonuvärde för det ledande perspektivet", 0),
    "Nytta för de offentliga finansiärerna": ("Nytta för det ledande perspektivet, nuvärde", 0),
    "Kostnad för de offentliga finansiärerna": ("Kostnad, nuvärde", 0),
    "Nytta per satsad krona för de offentliga finansiärerna": ("Nytta/kostnad för det ledande perspektivet", 2),
    "Personer som behöver lämna försörjningsstödet": (
        "Personer som behöver lämna försörjningsstödet för att det ledande perspektivets kostnad ska täckas", 0),
    "Dödvikt där nettonuvärdet": ("Dödvikt där det ledande perspektivets nettonuvärde blir noll", 0),
    "Personår i arbete utan försörjningsstöd": (
        "Personår i arbete utan försörjningsstöd som täcker de offentliga finansiärernas kostnad (prisårets priser)", 1),
    "Kostnad per deltagare": ("Kostnad per deltagare", 0),
    "Kostnad per lyckat utfall": ("Kostnad per lyckat utfall (enligt projektets huvudmål)", 0),
}


# the portfolio's column of the cost per success (a project without a main goal counts its own measure)
PORTFOLIO_PER_SUCCESS = ("Kostnad per lyckat utfall (enligt projektets huvudmål; "
                         "utan huvudmål projektets mått, se Lyckat utfall räknat som)")


@pytest.mark.parametrize("pid", WITH_EXITS)
def test_the_workbook_shows_each_key_figure_as_the_report_prints_it(sample_reports, pid):
    out = sample_reports.out / pid
    html = _html_key_figures(out / f"{pid}.html")
    wb = _workbook_key_figures(out / f"{pid}-tabeller.xlsx")
    compared = 0
    for start, (name, places) in KEY_FIGURES.items():
        printed = [v for k, v in html.items() if k.startswith(start)]
        if not printed or name not in wb or not re.match(r"^[−\d]", printed[0]):
            continue  # (not a figure for this project, or said in words: "nås inte inom tidshorisonten")
        value, number_format = wb[name]
        share = printed[0].endswith("%")
        number = float(value) * (100 if share else 1)  # type: ignore[arg-type]
        assert _half_up(number, places) == pytest.approx(_number(printed[0])), (pid, start, printed[0], value)
        # and as Excel shows the cell: a number as the report prints it; a share in the workbook's finer format
        # (82,4 %), which reads as the report's (82 %)
        excel = _half_up(_excel_shows(number, number_format.replace("%", "")), places) if share else \
            _excel_shows(value, number_format)
        assert excel == pytest.approx(_number(printed[0])), (pid, start, printed[0], value, number_format)
        compared += 1
    assert compared >= 8, pid


@pytest.mark.parametrize("pid", WITH_EXITS)
def test_the_what_if_panel_at_the_report_s_assumptions_gives_the_report_s_key_figures(sample_reports, pid):
    import evaltools as et
    from evaltools.present import whatif
    project = et.load_project(sample_reports.params / f"{pid}.yaml")
    panel = {_plain(k): _plain(v) for k, v in whatif.key_figures(whatif.evaluate(project)).to_numpy()}
    html = _html_key_figures(sample_reports.out / pid / f"{pid}.html")

    def report(start: str) -> str:
        return next(v for k, v in html.items() if k.startswith(start))

    def shown(start: str) -> str:
        return next(v for k, v in panel.items() if k.startswith(start))

    assert shown("Nettonuvärde för de offentliga finansiärerna") == report("Nettonuvärde för de offentliga finansiärerna")
    assert shown("Nytta per satsad krona") == report("Nytta per satsad krona")
    assert shown("Personer som behöver lämna").split(" (")[0] == report("Personer som behöver lämna")
    assert f"(hittills {report('Personer som lämnat försörjningsstödet')})" in shown("Personer som behöver lämna")
    assert shown("Återbetalningstid") == report("Återbetalningstid")
    assert shown("Dödvikt där nettonuvärdet") == report("Dödvikt där nettonuvärdet")


# --- 3. a few figures worked out again from the sample's own files -------------------------------------------

def _project_year(start: dt.date, day: dt.date) -> int:
    """The project year (1, 2, …) ``day`` falls in, counted from the project's start date."""
    years = day.year - start.year - ((day.month, day.day) < (start.month, start.day))
    return years + 1


def _sek(x: float, places: int = 0) -> str:
    """``x`` rounded half away from zero to ``places`` (negative: tens, hundreds) as the report writes it: 2 486."""
    return f"{_half_up(x, places):,.0f}".replace(",", " ")


def _pct(x: float) -> str:
    return f"{_half_up(100 * x, 1):.1f}".replace(".", ",") + " %"


@pytest.fixture(scope="module")
def kompassen(sample_reports):
    root = sample_reports.params.parent
    params = yaml.safe_load((root / "params" / "kompassen-demo.yaml").read_text(encoding="utf-8"))
    people = pd.read_csv(root / "data" / "kompassen-demo" / "participants.csv", dtype=str, keep_default_na=False)
    budget = pd.read_csv(root / "data" / "kompassen-demo" / "budget.csv")
    return params, people, budget, sample_reports.out


def test_kompassens_participants_goals_and_intervals_by_hand_are_the_ones_shown(kompassen):
    params, people, _, out = kompassen
    start = params["period"]["start"]
    goal = next(g for g in params["goals"] if g["id"] == "egen_försörjning")
    people["year"] = [_project_year(start, dt.date.fromisoformat(d)) for d in people["start_date"]]
    people["success"] = people["outcome"].isin(goal["success_outcomes"])
    ended = people[people["end_date"] != ""]
    assert (len(people), people["household_id"].nunique(), len(ended)) == (180, 159, 180)
    html = _html_text(out / "kompassen-demo" / "kompassen-demo.html")
    assert f"Projektet har haft {len(people)} deltagare i {people['household_id'].nunique()} hushåll." in html
    ws = openpyxl.load_workbook(out / "kompassen-demo" / "kompassen-demo-tabeller.xlsx")["Mål"]
    rows = [dict(zip([_plain(c.value) for c in next(ws.iter_rows())], [c.value for c in r]))
            for r in list(ws.iter_rows())[1:]]
    shares = [r for r in rows if r["Mål"] == goal["label"]]
    for year, row in zip((1, 2, 3), shares):
        group = ended[ended["year"] == year]
        k, n = int(group["success"].sum()), len(group)
        low, high = proportion_confint(k, n, alpha=0.05, method="beta")
        cols = [c for c in row if c and c.startswith("95")]
        assert (row["Täljare (de av dem som uppfyller målet)"], row[
            "Nämnare (alla som målet räknar: avslut, deltagare, hushåll eller svarande; se Räknar)"]) == (k, n)
        assert (row[cols[0]], row[cols[1]]) == pytest.approx((low, high), abs=1e-9)
        # the goal table's row for the year, as the report prints it: the share (k/n), its target and its interval
        assert f"{_pct(k / n)} ({k}/{n}) 40 % {_pct(low)}–{_pct(high)}" in html, year
        # page 1 says the year in the same figures
        assert f"{_pct(k / n)} år {year} ({k} av {n}" in html, year
    counts = [r for r in rows if r["Mål"] == "Minst 60 deltagare per år"]
    assert [r["Utfall"] for r in counts] == [int((people["year"] == y).sum()) for y in (1, 2, 3)]
    k = int(ended["success"].sum())
    low, high = proportion_confint(k, len(ended), alpha=0.05, method="beta")
    portfolio = _html_text(out / "portfolio" / "portfolio.html")
    assert f"{k}/{len(ended)} {_pct(k / len(ended))} ({_pct(low)}–{_pct(high)})" in portfolio


def test_kompassens_cost_per_participant_and_per_success_by_hand_are_the_ones_shown(kompassen):
    params, people, budget, out = kompassen
    goal = next(g for g in params["goals"] if g["id"] == "egen_försörjning")
    cost, planned = float(budget["actual"].sum()), float(budget["budget"].sum())
    successes = int(people["outcome"].isin(goal["success_outcomes"]).sum())
    per_participant, per_success = cost / len(people), cost / successes
    html = _html_text(out / "kompassen-demo" / "kompassen-demo.html")
    figures = _html_key_figures(out / "kompassen-demo" / "kompassen-demo.html")
    assert _kr(figures["Total kostnad (utfall, annars budget; löpande priser)"]) == _half_up(cost)
    assert _kr(figures["Kostnad per deltagare (löpande priser)"]) == _half_up(per_participant)
    assert _kr(next(v for k, v in figures.items() if k.startswith("Kostnad per lyckat utfall"))) == _half_up(per_success)
    # page 1 in round figures, from the same amounts (two significant figures: 23 812 → 24 000, 49 840 → 50 000)
    said = f"omkring {_sek(per_participant, -3)} kr per deltagare och {_sek(per_success, -3)} kr " \
        "per lyckat utfall"
    assert said in html
    assert f"({_half_up(100 * cost / planned):.0f} % av budgeten" in html
    xlsx, csv_row = _portfolio_row(out, "kompassen-demo")
    assert xlsx["Kostnad per deltagare"][0] == pytest.approx(per_participant, abs=0.005)
    assert xlsx[PORTFOLIO_PER_SUCCESS][0] == pytest.approx(per_success, abs=0.005)
    assert int(csv_row["Kostnad per deltagare"]) == _half_up(per_participant)
    assert xlsx["Förbrukat av budgeten"][0] == pytest.approx(cost / planned, abs=1e-9)


def test_kompassens_did_estimate_and_interval_are_one_figure_on_page_one_in_the_section_and_the_workbook(kompassen):
    _, _, _, out = kompassen
    html = _html_text(out / "kompassen-demo" / "kompassen-demo.html")
    ws = openpyxl.load_workbook(out / "kompassen-demo" / "kompassen-demo-tabeller.xlsx")["Effekt på försörjningsstöd"]
    rows = list(ws.iter_rows(values_only=True))
    did = dict(zip(map(_plain, rows[0]), rows[1]))
    effect, low, high = (did["Effekt, kr per hushåll och månad"], did["95 % KI, nedre (huvudintervallet)"],
                         did["95 % KI, övre (huvudintervallet)"])
    assert low < effect < high < 0
    # the section: the exact kronor, the fall as a positive amount "mindre"
    assert (f"i genomsnitt {_sek(-effect)} kr mindre i försörjningsstöd per månad (95 % KI "
            f"{_sek(-high)} kr till {_sek(-low)} kr mindre") in html
    # page 1: the same estimate and interval said to the hundred kronor
    assert (f"omkring {_sek(-effect, -2)} kr lägre per hushåll och månad i löpande priser (95 % "
            f"konfidensintervall för skillnaden {_sek(-high, -2)} kr till {_sek(-low, -2)} kr)"
            ) in html
    # the cost-benefit's measured row states the same interval
    assert (f"−{_sek(-effect)} kr per hushåll och månad, 95 % KI −{_sek(-low)} kr till "
            f"−{_sek(-high)} kr") in html


# --- 4. the tornado: the number of persons it names is the number its net present value is computed at ------------

# (until 2026-12 the ends were the exact interval's fractions of persons, Kompassen's 72,53 and 99,61, which the tornado
# and its text named "73" and "100" beside the net present value of 72,53 and 99,61 exits)
def test_the_tornado_names_the_number_of_persons_its_net_present_value_is_computed_at(sample_reports):
    said = {}
    for pid in WITH_EXITS:
        soup = BeautifulSoup((sample_reports.out / pid / f"{pid}.html").read_text(encoding="utf-8"), "html.parser")
        alt = next(_plain(i.get("alt")) for i in soup.find_all("img") if "Tornadodiagram" in (i.get("alt") or ""))
        found = re.search(r"Personer som lämnat försörjningsstödet: (\d+) ger (−?[\d ]+) kr, (\d+) ger (−?[\d ]+) kr", alt)
        assert found, pid
        ws = openpyxl.load_workbook(sample_reports.out / pid / f"{pid}-tabeller.xlsx")["Känslighetsanalys"]
        row = next(r for r in ws.iter_rows(values_only=True) if r[0] == "Personer som lämnat försörjningsstödet")
        # the tornado's words and the workbook's cells: the same persons, the same net present values
        assert (_kr(found.group(2)), _kr(found.group(4))) == (_half_up(row[3]), _half_up(row[4])), pid
        said[pid] = ((int(found.group(1)), int(found.group(3))), (row[1], row[2]))
    assert all(names == pytest.approx(values, abs=1e-9) for names, values in said.values()), said


# --- 5. an application in the what-if panel: its exits are expected, as its report says, never "so far" ------------



def test_the_what_if_panel_says_an_application_s_exits_are_expected_as_its_report_does(sample_reports):
    import evaltools as et
    from evaltools.present import whatif
    pid = "eskilstuna-ansokan"
    html = _html_key_figures(sample_reports.out / pid / f"{pid}.html")
    exits = next(v for k, v in html.items() if k.startswith("Personer som lämnar försörjningsstödet"))
    assert exits == "110 (förväntat enligt ansökan)"  # (the report's own words, as its key figures give them)
    project = et.load_project(sample_reports.params / f"{pid}.yaml")
    panel = {_plain(k): _plain(v) for k, v in whatif.key_figures(whatif.evaluate(project)).to_numpy()}
    cell = next(v for k, v in panel.items() if k.startswith("Personer som behöver lämna"))
    assert cell.split(" (")[0] == next(v for k, v in html.items() if k.startswith("Personer som behöver lämna"))
    assert "hittills" not in cell and "förväntat" in cell, cell


# --- 6. Vägen ut (Timrå), cut short: its counts, pro-rated targets, share and costs by hand -------------------------

def test_timras_counts_targets_share_and_costs_by_hand_are_the_ones_shown(sample_reports):
    root, out, pid = sample_reports.params.parent, sample_reports.out, "timra-vagen-ut"
    params = yaml.safe_load((root / "params" / f"{pid}.yaml").read_text(encoding="utf-8"))
    people = pd.read_csv(root / "data" / pid / "participants.csv", dtype=str, keep_default_na=False)
    budget = pd.read_csv(root / "data" / pid / "budget.csv")
    start, end = params["period"]["start"], params["period"]["actual_end"]
    people["year"] = [_project_year(start, dt.date.fromisoformat(d)) for d in people["start_date"]]
    goal = next(g for g in params["goals"] if g["id"] == "självförsörjande")
    people["success"] = people["outcome"].isin(goal["success_outcomes"])
    intake = [int((people["year"] == y).sum()) for y in (1, 2)]
    successes = [int(people.loc[people["year"] == y, "success"].sum()) for y in (1, 2)]
    # year 2 runs from 2019-02-01 to the early end 2019-10-15 (inclusive): its share of a year, and the targets for it
    days = (end - dt.date(start.year + 1, start.month, start.day)).days + 1
    part = days / 365
    html = _html_text(out / pid / f"{pid}.html")
    assert (f"Minst 50 personer ska handläggas av utsedd handläggare per år: inte uppnått – {intake[0]} år 1 och "
            f"{intake[1]} år 2 (perioden kortades till 8,5 månader; målet för den tiden var {_sek(50 * part)})") in html
    assert (f"per år: inte uppnått – {successes[0]} år 1 och {successes[1]} år 2 (perioden kortades till 8,5 månader; "
            f"målet för den tiden var {_sek(25 * part)})") in html
    ws = openpyxl.load_workbook(out / pid / f"{pid}-tabeller.xlsx")["Mål"]
    rows = [dict(zip([_plain(c.value) for c in next(ws.iter_rows())], [c.value for c in r]))
            for r in list(ws.iter_rows())[1:]]
    counted = [(r["Utfall"], r["Målvärde för periodens längd"]) for r in rows if r["Mål"] == goal["label"]]
    assert counted == [(successes[0], 25), (successes[1], _half_up(25 * part))]
    # the main goal's share over every exit, with its exact interval, as page 1 and the portfolio give it
    k, n = int(people["success"].sum()), int((people["end_date"] != "").sum())
    low, high = proportion_confint(k, n, alpha=0.05, method="beta")
    assert f"Av {n} avslutade deltagare fick {k} ({_pct(k / n)})" in html
    assert f"{k}/{n} {_pct(k / n)} ({_pct(low)}–{_pct(high)})" in _html_text(out / "portfolio" / "portfolio.html")
    # the costs: utfall over budget, per participant and per success
    lines = budget[budget["category"] != "Summa"]
    cost, planned = float(lines["actual"].sum()), float(lines["budget"].sum())
    figures = _html_key_figures(out / pid / f"{pid}.html")
    assert _kr(figures["Total kostnad (utfall, annars budget; löpande priser)"]) == _half_up(cost)
    assert _kr(figures["Kostnad per deltagare (löpande priser)"]) == _half_up(cost / len(people))
    assert _kr(next(v for key, v in figures.items() if key.startswith("Kostnad per lyckat utfall"))) == _half_up(cost / k)
    assert f"({_half_up(100 * cost / planned):.0f} % av budgeten" in html
    xlsx, csv_row = _portfolio_row(out, pid)
    assert (int(csv_row["Kostnad per deltagare"]), int(csv_row[PORTFOLIO_PER_SUCCESS])) \
        == (_half_up(cost / len(people)), _half_up(cost / k))
