"""Twenty-first sweep of projects unlike the samples, from files made in Excel: goals whose target per year an
evaluator copies from an application in the words it uses ("år 1: 20 deltagare, år 2 och 3: 30", "år 2–3: 30",
"20 deltagare första året, därefter 30 per år", "30 andra och tredje året", "från 30 % 2024 till 40 % 2026"), each
year read with its own target (a range or a list of years shares one) and refused with the whole ``targets:`` line to
write, never a year's target taken from the range's last year ("år 2–3: 30" was a target of 3 for year 2); a project
whose main goal is set for the young (``among: {age_below: 25}``) while the successes page 1, the sections and the
workbook count are everyone's, which they now say; and a structural project of a förbund whose four municipalities
co-finance it, written by name in the budget's funder column ("Härnösands kommun"), refused with the code and where
the name goes. Each fixture is a tiny project written in tmp_path; expected values are worked out by hand from the
rows written here."""
from __future__ import annotations

import datetime as dt
import textwrap

import openpyxl
import pytest

import evaltools as et
from evaltools.data.errors import DataValidationError

from .conftest import params_refusal


@pytest.fixture(autouse=True)
def _loaded_after_the_data_were_taken(monkeypatch):
    """The projects here were followed up after they ended (data_as_of after the end): loaded on a later day, since a
    data_as_of not yet come is refused."""
    from evaltools.data import project
    monkeypatch.setattr(project, "_today", lambda: dt.date(2027, 4, 1))


HEAD = """\
id: steg
title: Stegvis
forbund: Testförbundet
owner: Testkommun
kind: individ
period: {start: 2024-01-01, planned_end: 2026-12-31}
data_as_of: 2027-03-31
data: {participants: data/deltagare.xlsx}
goals:
"""

# 20 persons start in 2024 (project year 1), one every 17 days from 10 January; 28 in 2025 and 31 in 2026, one every
# 10 days from 10 January; each ends 120 days after the start (the last, 2026-11-06, on 2027-03-06), to work (even
# index within the year) or still on försörjningsstöd (odd index)
PER_YEAR = {2024: (20, 17), 2025: (28, 10), 2026: (31, 10)}


def _steg(tmp_path, goals: str):
    """The project's params file, its participants in a workbook saved by Excel (dates as date cells)."""
    (tmp_path / "data").mkdir(exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws.append(["person_id", "sex", "birth_year", "household_type", "start_date", "end_date", "outcome"])
    for year, (n, step) in PER_YEAR.items():
        for k in range(n):
            start = dt.date(year, 1, 10) + dt.timedelta(days=step * k)
            ws.append([f"S{year}{k:02d}", ("kvinna", "man")[k % 2], 1975 + k % 20, "ensamstående", start,
                       start + dt.timedelta(days=120), ("arbete", "kvar_försörjningsstöd")[k % 2]])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    wb.save(tmp_path / "data/deltagare.xlsx")
    p = tmp_path / "steg.yaml"
    p.write_text(HEAD + textwrap.indent(textwrap.dedent(goals), "  "), encoding="utf-8")
    return p


def _count(label: str, target: str = "target: 30") -> str:
    return f"- id: antal\n  kind: participant_count\n  label: \"{label}\"\n  {target}\n"


# --- 1. a target per year in the application's words -------------------------------------------------------------
@pytest.mark.parametrize("label", [
    "år 1: 20 deltagare, år 2 och 3: 30 deltagare",
    "Minst 20 deltagare år 1 och 30 deltagare år 2 och 3",
    "år 1: 20 deltagare, år 2–3: 30 deltagare",
    "Antal deltagare år 1: 20, år 2-3: 30",
    "20 deltagare år 1, därefter 30 per år",
    "Projektet tar emot 20 deltagare det första året och sedan 30 per år",
    "20 deltagare första året, 30 deltagare andra och tredje året",
    "Antal deltagare år 1: 20. År 2 och 3: 30.",
    "Unga under 25 år: 20 deltagare år 1, 30 år 2 och 3",
])
def test_years_sharing_a_target_are_each_given_it_in_the_line_to_write(tmp_path, label):
    # three project years (2024-01-01 – 2026-12-31): 20 in year 1, 30 in years 2 and 3 (a range, a list, "därefter",
    # ordinals); never '?' for a year the words name, nor 3 for year 2 from 'år 2–3: 30', nor 25 from 'under 25 år'
    # (every year has its number: the line is complete, and the message asks for no number where it says ?)
    assert "targets: {1: 20, 2: 30, 3: 30}, och behåll" in params_refusal(_steg(tmp_path, _count(label)))


def test_the_english_words_give_the_same_line(tmp_path):
    goal = _count("Antal deltagare", "target: 30\n  label_en: 20 participants in year 1, 30 in years 2 and 3")
    said = params_refusal(_steg(tmp_path, goal), "en")
    assert ("('20 participants in year 1', '30 in years 2 and 3'), but target: 30 is the same target for every year"
            in said and "targets: {1: 20, 2: 30, 3: 30}, and keep" in said)


def test_a_share_from_a_baseline_year_to_a_later_one_gives_calendar_years_to_write(tmp_path):
    goal = textwrap.dedent("""\
        - id: arbete
          kind: share
          label: Andelen som går till arbete ska öka från 30 % 2024 till 40 % 2026
          target: 0.4
          denominator: exits
          success_outcomes: [arbete]
        """)
    # 2024 30 %, 2026 40 %, 2025 no target in the words ('?'); counted per project year, so the period to write too
    assert ("('Andelen som går till arbete ska öka från 30 % 2024', '40 % 2026'), men target: 0.4 är samma målvärde "
            "för varje år" in (said := params_refusal(_steg(tmp_path, goal))))
    assert "targets: {2024: 0.3, 2025: ?, 2026: 0.4}, period: calendar_year (skriv" in said


def test_the_years_written_as_the_words_give_them_are_each_judged_against_their_own(tmp_path):
    goal = _count("år 1: 20 deltagare, år 2 och 3: 30 deltagare", "targets: {1: 20, 2: 30, 3: 30}")
    raw = et.assess_goals(et.load_project(_steg(tmp_path, goal))).raw
    # 20, 28 and 31 started (PER_YEAR); year 1: 20 >= 20 reached; year 2: 28 < 30 but >= 0.8 * 30 = 24, partly;
    # year 3: 31 >= 30 reached (with one target of 30, year 1's 20 < 24 would not have been reached)
    assert raw["value"].tolist() == [20, 28, 31]
    assert raw["target"].tolist() == [20, 30, 30]
    assert [str(s) for s in raw["status"]] == ["uppnått", "delvis", "uppnått"]


@pytest.mark.parametrize("label", ["Minst 30 deltagare per år under projektåren 1–3", "30 deltagare per år 2024–2026",
                                   "Minst 30 deltagare år 1 och 30 år 2 och 3"])
def test_one_target_for_a_range_of_years_is_read_as_written(tmp_path, label):
    assert et.load_project(_steg(tmp_path, _count(label))).params.goals[0].target == 30


# --- 2. a project whose main goal is set for a group of its participants ----------------------------------------
GROUP = """\
id: unga
title: Unga vägen
forbund: Testförbundet
owner: Testkommun
kind: individ
period: {start: 2024-01-01, planned_end: 2025-12-31}
data_as_of: 2026-01-31
granted_sek: 1200000
data: {participants: data/deltagare.csv}
goals:
  - id: u25
    kind: share
    label: Minst 40 % av de unga under 25 år ska gå till arbete eller studier
    target: 0.4
    denominator: exits
    period: whole_period
    success_outcomes: [arbete, studier]
    among: {age_below: 25}
"""
# 16 young (U00-U15, born 2002: 21-23 at start) and 24 older (A00-A23, born 1975), one starting every 15 days from
# 2024-02-01, each ending 200 days after the start; the young: 7 to work, 2 to studies, 5 still on support, 2 still
# enrolled (14 ended); the older: 3 to work, 15 still on support, 2 dropped out, 4 still enrolled (20 ended)
YOUNG = ["arbete"] * 7 + ["studier"] * 2 + ["kvar_försörjningsstöd"] * 5 + [""] * 2
OLDER = ["arbete"] * 3 + ["kvar_försörjningsstöd"] * 15 + ["avbrott"] * 2 + [""] * 4


def _unga(tmp_path, params: str = GROUP):
    """The project's params file, its participants in a CSV as Excel on Windows saves it (;, Windows-1252, CRLF)."""
    rows, i = ["person_id;sex;birth_year;household_type;start_date;end_date;outcome"], 0
    for prefix, outcomes, born in (("U", YOUNG, 2002), ("A", OLDER, 1975)):
        for k, outcome in enumerate(outcomes):
            start = dt.date(2024, 2, 1) + dt.timedelta(days=15 * i)
            end = (start + dt.timedelta(days=200)).isoformat() if outcome else ""
            rows.append(f"{prefix}{k:02d};{('kvinna', 'man')[k % 2]};{born};ensamstående;{start};{end};{outcome}")
            i += 1
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data/deltagare.csv").write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1252"))
    p = tmp_path / "unga.yaml"
    p.write_text(params, encoding="utf-8")
    return p


def _page_one_goals(r) -> list[str]:
    from evaltools.present.sections.summary import answers, question_heading
    heading = "Nådde projektet sina mål?" if r.lang == "sv" else "Did the project reach its goals?"
    return next(sentences for key, _part, sentences in answers(r) if question_heading(r, key) == heading)


@pytest.mark.parametrize("lang, success, group", [
    ("sv", "Av 34 avslutade deltagare fick 12 (35,3\u00a0%) ett utfall som projektets huvudmål räknar som lyckat "
           "(arbete, studier).",
     "Här och i resten av rapporten räknas utfallen för alla avslutade, inte bara för gruppen som huvudmålet gäller."),
    ("en", "Of 34 participants who ended, 12 (35.3%) had an outcome the main goal counts as a success (work, studies).",
     "Here and in the rest of the report the outcomes are counted for everyone who ended, not only for the group the "
     "main goal is set for."),
])
def test_page_one_says_the_successes_it_counts_are_everyones_not_the_groups(tmp_path, lang, success, group):
    said = _page_one_goals(et.Report(et.load_project(_unga(tmp_path)), lang=lang))
    # ended: 14 young + 20 older = 34; to work or studies: 7 + 2 young and 3 older = 12, 12 / 34 = 35,3 %; the goal
    # itself counts the young only (9 of 14), so the 3 older are no success of the goal: the next sentence says so
    assert said[said.index(success) + 1] == group


@pytest.mark.parametrize("lang, said", [
    ("sv", "avslutade deltagare med utfallen arbete, studier (målet ”Minst 40\u00a0% av de unga under 25 år ska gå till "
           "arbete eller studier”), räknat för alla deltagare, också dem utanför målets grupp"),
    # (the goal quoted as the project wrote it, its figure kept on one line in English too)
    ("en", "participants who ended with the outcomes work, studies (the goal “Minst 40\u00a0% av de unga under 25 år ska gå "
           "till arbete eller studier”), counted for every participant, those outside the goal's group too"),
])
def test_the_definition_the_sections_and_workbook_give_says_it_counts_everyone(tmp_path, lang, said):
    from evaltools.analysis.goals import project_definition
    from evaltools.words.labels import success_definition_text
    d = project_definition(et.load_project(_unga(tmp_path)), lang)
    assert success_definition_text(d, lang) == said


def test_a_main_goal_for_everyone_says_nothing_of_a_group(tmp_path):
    params = GROUP.replace("    among: {age_below: 25}\n", "").replace("av de unga under 25 år ", "av deltagarna ")
    r = et.Report(et.load_project(_unga(tmp_path, params)), lang="sv")
    assert not any("sin grupp" in s for s in _page_one_goals(r))
    from evaltools.analysis.goals import project_definition
    assert not project_definition(r.project).group


# --- 3. a structural project of a förbund whose four municipalities co-finance it --------------------------------
STRUCTURAL = """\
id: adalen
title: Samverkan Ådalen
forbund: Samordningsförbundet Ådalen
owner: Samordningsförbundet Ådalen
partners: [Härnösands kommun, Timrå kommun, Kramfors kommun, Sollefteå kommun, Region Västernorrland]
kind: struktur
period: {start: 2024-01-01, planned_end: 2026-12-31}
data_as_of: 2026-03-31
granted_sek: 2400000
target_population: {size: 300, description: handläggare i de fyra kommunerna}
data: {budget: data/budget.csv}
goals:
  - {id: rutin, kind: qualitative, label: En gemensam rutin för samordnad rehabilitering i alla fyra kommuner}
"""
TOWNS = ("Härnösands kommun", "Timrå kommun", "Kramfors kommun", "Sollefteå kommun")


def _adalen(tmp_path, funder=lambda town: town, category=lambda town: "Personal (medfinansiering)"):
    """The budget as the förbund's Excel saves it as CSV (;, decimal comma, Windows-1252): per year 2024-2026 a
    process leader (650 000 kr) and training days (120 000 kr) paid by the förbund, and 50 000 kr of staff time from
    each of the four municipalities; utfall for 2024 and 2025 only (612 345,50, 98 000 and 48 000 each)."""
    rows = ["period;category;budget;actual;funder"]
    for year, spent in ((2024, True), (2025, True), (2026, False)):
        rows.append(f"{year};Processledare;650000;{'612 345,50' if spent else ''};förbund")
        rows.append(f"{year};Utbildningsdagar;120000;{'98000' if spent else ''};förbund")
        rows += [f"{year};{category(t)};50000;{'48000' if spent else ''};{funder(t)}" for t in TOWNS]
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data/budget.csv").write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1252"))
    p = tmp_path / "adalen.yaml"
    p.write_text(STRUCTURAL, encoding="utf-8")
    return p


@pytest.mark.parametrize("lang, hint", [
    ("sv", "står 'Härnösands kommun'; förväntat en av förbund, egen, kommun, region, försäkringskassan, "
           "arbetsförmedlingen, eu – en av förbundets kommuner eller dess region som medfinansierar skrivs med koden, "
           "'kommun', vilken den än är; skriv namnet i kolumnen category (till exempel 'Personal, Härnösands kommun'), "
           "så hålls raderna isär i budgettabellen"),
    ("en", "one of the förbund's municipalities, or its region, that co-finances is written with the code, 'kommun', "
           "whichever it is; write the name in the category column (for example 'Personal, Härnösands kommun')"),
])
def test_a_municipality_named_as_funder_gets_the_code_and_where_its_name_goes(tmp_path, lang, hint):
    with pytest.raises(DataValidationError) as e:
        et.load_project(_adalen(tmp_path), lang=lang)
    first = next(p for p in e.value.problems if p.row == 4)  # (header line 1, then two förbund lines)
    assert first.column == "funder" and hint in first.note(lang)


def test_a_region_named_as_funder_gets_its_code(tmp_path):
    with pytest.raises(DataValidationError) as e:
        et.load_project(_adalen(tmp_path, funder=lambda t: "Region Västernorrland"))
    assert "skrivs med koden, 'region', vilken den än är" in e.value.problems[0].note("sv")


def test_the_four_municipalities_written_as_kommun_are_one_funder_on_page_one(tmp_path):
    from evaltools.present.sections.summary import answers, question_heading
    p = et.load_project(_adalen(tmp_path, funder=lambda t: "kommun", category=lambda t: f"Personal, {t}"))
    r = et.Report(p, lang="sv")
    cost = next(s for key, _part, s in answers(r) if question_heading(r, key) == "Vad kostade det?")
    # spent 2024 and 2025: 612 345,50 + 98 000 + 4 × 48 000 = 902 345,50 a year; 2026 its budget, 770 000 + 200 000;
    # 2 × 902 345,50 + 970 000 = 2 774 691 kr; the municipalities 2 × 192 000 + 200 000 = 584 000 kr (580 000 shown),
    # the förbund 2 774 691 − 584 000 = 2 190 691 kr (2,2 miljoner)
    assert round(r.cba.summary.total_cost_nominal) == 2_774_691
    # (the four municipalities' lines together: theirs, in the plural)
    assert ("Kostnaden per finansiär: samordningsförbundet 2,2\u00a0miljoner kronor och kommunernas medfinansiering "
            "580\u00a0000\u00a0kr.") in " ".join(cost)
    assert sorted(set(p.budget["category"])) == sorted(["Processledare", "Utbildningsdagar",
                                                         *(f"Personal, {t}" for t in TOWNS)])
