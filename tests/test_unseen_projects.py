"""Projects unlike the samples: a youth project with participants under 18, a structural project
whose goals count people it has no file of, payments that rise after the start, a model that
cannot be fitted, a goal read while the project still runs, reference values for a year the
shipped data lack. Each fixture is a tiny project written in tmp_path; expected values are worked
out by hand from the rows written here."""
from __future__ import annotations

import textwrap
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from statsmodels.tools.sm_exceptions import ConvergenceWarning, PerfectSeparationError

import evaltools as et
from evaltools.analysis.cohorts import model_failure, success_model
from evaltools.analysis.goals import GoalStatus, assess_goals
from evaltools.data import reference
from evaltools.data.errors import ParamsError
from evaltools.present.sections import kind as kind_section
from evaltools.present.sections import payments as payments_section
from evaltools.present.sections import quality
from evaltools.present.sections.costbenefit import persistence_table
from evaltools.words.labels import note_text
from evaltools.words.text import catalog

from .conftest import shown_chunks, write_csv

HEAD = """\
id: unseen
title: Okänt projekt
forbund: Testförbundet
owner: Testkommun
"""


def _params(tmp_path, body: str) -> str:
    p = tmp_path / "unseen.yaml"
    p.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    return p


# a one-year individual project with a granted sum and one budget line: the base of the sweeps'
# projects (``PROJECT % ""``, or with more data files after the budget's: ``PROJECT % ", payments: ..."``)
PROJECT = """\
    kind: individ
    period: {start: 2023-01-01, planned_end: 2024-12-31}
    granted_sek: 1000000
    data: {participants: data/participants.csv, budget: data/budget.csv%s}
    """
BUDGET = [{"period": "hela", "category": "Personal", "budget": 1_000_000, "actual": 1_000_000}]


def _person(i: int, *, sex="kvinna", birth_year=2000, start="2023-03-01", end="2023-09-01", outcome="arbete"):
    return {"person_id": f"U{i:03d}", "sex": sex, "birth_year": birth_year, "household_type": "ensamstående",
            "start_date": start, "end_date": end, "outcome": outcome}


# --- age bands: a 16-year-old is not 18–29 ----------------------------------------------------
def test_participants_under_18_are_their_own_age_group_not_18_29(tmp_path):
    # started 2023-03-01: born 2007 is 16, born 2006 is 17, born 2005 is 18, born 1994 is 29, born 1993 is 30
    rows = [_person(1, birth_year=2007), _person(2, birth_year=2006), _person(3, birth_year=2005),
            _person(4, birth_year=1994), _person(5, birth_year=1993)]
    write_csv(tmp_path / "data/participants.csv", rows)
    project = et.load_project(_params(tmp_path, """\
        kind: individ
        period: {start: 2023-01-01, planned_end: 2024-12-31}
        data: {participants: data/participants.csv}
        """))
    groups = dict(zip(project.participants["person_id"], project.participants["age_group"]))
    assert groups == {"U001": "0–17", "U002": "0–17", "U003": "18–29", "U004": "18–29", "U005": "30–39"}


# --- a structural project cannot count participants -------------------------------------------
STRUCTURAL = """\
    kind: struktur
    period: {start: 2024-01-01, planned_end: 2025-12-31}
    goals:
      - id: rutiner
        kind: qualitative
        label: Samverkansrutiner ska finnas i alla fyra kommuner
        assessment: delvis
        evidence: Antagna i tre av fyra kommuner.
"""


def test_a_structural_project_refuses_a_goal_that_counts_participants_naming_it_and_the_way_out(tmp_path):
    body = STRUCTURAL + """\
      - id: utbildade
        kind: participant_count
        label: Minst 30 handläggare ska ha gått utbildningen
        target: 30
        period: whole_period
    """
    with pytest.raises(ParamsError) as sv:
        et.load_params(_params(tmp_path, body))
    text = str(sv.value)
    assert "mål 2 (id: utbildade, kind: participant_count)" in text and "kind: qualitative" in text
    assert "top level" not in text  # the place is worded in the message's language too
    english = sv.value.message("en")
    assert "goal 2 (id: utbildade, kind: participant_count)" in english and "top level" not in english


def test_a_structural_project_with_assessed_goals_only_loads(tmp_path):
    params = et.load_params(_params(tmp_path, STRUCTURAL))
    assert [g.kind for g in params.goals] == ["qualitative"]


@pytest.mark.parametrize("lang, said, never", [("sv", "Det enda mål som utvärderaren bedömer", "Av de ett"),
                                               ("en", "The one goal the evaluator assesses", "Of the one goals")])
def test_one_assessed_goal_gets_its_status_not_a_tally_of_one(tmp_path, lang, said, never):
    r = et.Report(et.load_project(_params(tmp_path, STRUCTURAL)), lang=lang)
    sentence = kind_section.qualitative_sentence(r, *kind_section.qualitative_counts(r.goals.table))
    assert said in sentence and never not in sentence
    partly = catalog(lang).msg("kind.structural_goal_partly")
    assert sentence == partly  # (one goal, assessed delvis)


# --- payments that rise after the start -------------------------------------------------------
def _payments_project(tmp_path, before: float, after: float):
    """Six participants who start 2023-07-01 and are paid ``before`` kr a month in the twelve months
    before the start and ``after`` in the twelve after."""
    rows = [_person(i, start="2023-07-01", end="", outcome="") for i in range(1, 7)]
    write_csv(tmp_path / "data/participants.csv", rows)
    months = pd.period_range("2022-07", "2024-06", freq="M")
    pay = [{"person_id": f"U{i:03d}", "month": str(m), "amount": before if m < pd.Period("2023-07", "M") else after}
           for i in range(1, 7) for m in months]
    write_csv(tmp_path / "data/payments.csv", pay)
    return et.load_project(_params(tmp_path, """\
        kind: individ
        period: {start: 2023-01-01, planned_end: 2024-12-31}
        data_as_of: 2024-06-30
        data: {participants: data/participants.csv, payments: data/payments.csv, payments_cover_all_participants: true}
        """))


@pytest.mark.parametrize("lang, rise, fall", [("sv", "ökar efter start", "minskar efter start"),
                                              ("en", "rise in payments after the start", "fall in payments after the start")])
def test_without_a_comparison_group_the_caveat_follows_the_direction_of_the_table(tmp_path, lang, rise, fall):
    up = et.Report(_payments_project(tmp_path / "up", 4000, 7000), lang=lang)
    assert float(up.payments.table.set_index("group").loc["participants", "change"]) == pytest.approx(3000)
    said = " ".join(shown_chunks(payments_section.blocks(up)))
    assert rise in said and fall not in said
    assert payments_section.participants_rose(up)
    down = et.Report(_payments_project(tmp_path / "down", 7000, 4000), lang=lang)
    said = " ".join(shown_chunks(payments_section.blocks(down)))
    assert fall in said and rise not in said


# --- a model that cannot be fitted is explained, never named by its exception -----------------
@pytest.mark.parametrize("error, code", [(ConvergenceWarning("no"), "separation"),
                                         (PerfectSeparationError("perfect"), "separation"),
                                         (np.linalg.LinAlgError("Singular matrix"), "singular"),
                                         (ValueError("odd"), "other")])
def test_a_model_failure_is_a_code(error, code):
    assert model_failure(error) == code


def test_perfect_separation_gives_a_sentence_without_the_exception_name(tmp_path):
    # 20 women all leave for work, 20 men all stay on support: sex separates success perfectly;
    # one age group and one project year, so the model has sex alone (2 parameters, 20 events each way)
    rows = [_person(i, sex="kvinna", birth_year=1985, outcome="arbete") for i in range(1, 21)]
    rows += [_person(i, sex="man", birth_year=1985, outcome="kvar_försörjningsstöd") for i in range(21, 41)]
    write_csv(tmp_path / "data/participants.csv", rows)
    project = et.load_project(_params(tmp_path, """\
        kind: individ
        period: {start: 2023-01-01, planned_end: 2024-12-31}
        data: {participants: data/participants.csv}
        """))
    model = success_model(project)
    assert model.table.empty
    for lang in ("sv", "en"):
        text = " ".join(note_text(n, lang) for n in model.notes)
        assert text == catalog(lang).msg("note.model_failed.separation")
        assert "Error" not in text and "Warning" not in text


# --- a survey goal while the project runs -----------------------------------------------------
QUESTIONS = [{"code": "H1", "wording_sv": "Hur mår du?", "scale_min": 1, "scale_max": 5}]


def _survey_project(tmp_path, as_of: str):
    # ten participants answer at start (2) and at exit (3 for the first six, 2 for the rest): 6 of 10 better
    rows = [_person(i, start="2023-03-01", end="2023-09-01") for i in range(1, 11)]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/questions.csv", QUESTIONS)
    answers = [{"respondent_id": f"U{i:03d}", "respondent_group": g, "date": d, "question": "H1", "answer": a}
               for i in range(1, 11)
               for g, d, a in (("deltagare_start", "2023-03-01", 2), ("deltagare_avslut", "2023-09-01", 3 if i <= 6 else 2))]
    write_csv(tmp_path / "data/responses.csv", answers)
    return et.load_project(_params(tmp_path, f"""\
        kind: individ
        period: {{start: 2023-01-01, planned_end: 2024-12-31}}
        data_as_of: {as_of}
        data: {{participants: data/participants.csv, questions: data/questions.csv, responses: data/responses.csv}}
        goals:
          - id: halsa
            kind: survey
            measure: change
            label: Hälften av deltagarna ska uppleva förbättrad hälsa
            question: H1
            target: 0.5
        """))


def test_a_survey_goal_is_running_while_the_project_runs_and_judged_when_it_has_ended(tmp_path):
    running = assess_goals(_survey_project(tmp_path / "a", "2024-06-30")).table.iloc[0]
    assert running["status"] == GoalStatus.RUNNING and bool(running["running"])
    assert running["value"] == pytest.approx(0.6)  # (6 of 10, shown so far)
    ended = assess_goals(_survey_project(tmp_path / "b", "2024-12-31")).table.iloc[0]
    assert ended["status"] != GoalStatus.RUNNING and not bool(ended["running"])
    assert ended["value"] == pytest.approx(0.6)


# --- after exit: a share hidden for the few still paid is not "<5 without" ---------------------
def _persistence_reader(lang: str, observed, without):
    words = catalog(lang)
    pt = pd.DataFrame({"months_after": [3, 12], "observed": observed, "without_fs": without,
                       "mean_payment": [400.0, 0.0], "with_level": observed, "kept_share": [0.95, 1.0],
                       "max_months_observed": [26, 26]})
    summary = SimpleNamespace(first_year_source="assumed", dropoff_source="assumed")
    return SimpleNamespace(lang=lang, msg=words.msg, words=words, params=SimpleNamespace(privacy=SimpleNamespace(min_count=5)),
                           cba=SimpleNamespace(persistence=pt, summary=summary, outcome_check=None))


def test_a_share_hidden_because_few_are_still_paid_shows_two_dots_and_hides_their_mean():
    # 3 months: 58 followed, 55 without (3 still paid: fewer than 5) -> the share and the mean are hidden
    # as "..", not "<5"; 12 months: 30 of 30 without -> 100 % and 0 kr
    r = _persistence_reader("sv", [58, 30], [55, 30])
    table = persistence_table(r)[1]
    frame = table.frame
    without = frame[r.msg("costbenefit.persist.without")].tolist()
    mean = frame[r.msg("costbenefit.persist.mean")].tolist()
    assert without[0] == ".." and mean[0] == ".."
    assert without[1].replace("\xa0", " ") == "100 %" and mean[1].replace("\xa0", " ") == "0 kr"
    assert catalog("sv").msg("costbenefit.persist.secondary_note", k="5") in table.notes[0]
    assert "<5 =" not in table.notes[0]  # (no "<5" in the table: not explained)


def test_a_share_or_mean_of_too_few_is_two_dots_never_a_count_that_reads_as_a_percentage():
    # 3 months: 12 followed, 10 without (2 still paid: fewer than 5) -> share and mean "..";
    # 12 months: 4 followed (fewer than 5) -> "<5" in the count column, ".." in the share, mean and kept columns
    r = _persistence_reader("sv", [12, 4], [10, 2])
    table = persistence_table(r)[1]
    frame = table.frame
    m = r.msg
    assert frame[m("costbenefit.persist.observed")].tolist() == ["12", "<5"]
    for column in ("without", "mean", "kept"):
        cells = frame[m(f"costbenefit.persist.{column}")].tolist()
        assert cells[1] == "..", column
    assert frame[m("costbenefit.persist.without")].tolist()[0] == ".."
    assert frame[m("costbenefit.persist.mean")].tolist()[0] == ".."
    assert frame[m("costbenefit.persist.kept")].tolist()[0].replace("\xa0", " ") == "95 %"  # (12 with a level)
    # both marks explained, each once
    note = table.notes[0]
    assert note.count(catalog("sv").msg("costbenefit.persist.small_note", k="5")) == 1
    assert note.count(catalog("sv").msg("costbenefit.persist.secondary_note", k="5")) == 1
    # 3 without of 20 followed: the share would tell the 3 -> ".."; the 17 still paid are no small count,
    # so their mean (400 kr) is shown; no "<5" anywhere, so it is not explained
    r = _persistence_reader("en", [20, 12], [3, 12])
    table = persistence_table(r)[1]
    frame = table.frame
    assert frame[r.msg("costbenefit.persist.without")].tolist()[0] == ".."
    assert frame[r.msg("costbenefit.persist.mean")].tolist()[0].replace("\xa0", " ") == "SEK 400"
    assert "<5 =" not in table.notes[0] and ".. =" in table.notes[0]


# --- reference values for a year the shipped data lack -----------------------------------------
def _flagged(lang: str) -> list[dict]:
    refs = [reference.riksnorm(2031, "child", "7-10"), reference.kpi(2031)]
    frame = quality.flagged_references(pd.DataFrame([v.__dict__ for v in refs]))
    r = SimpleNamespace(lang=lang, msg=catalog(lang).msg)
    return [{"what": quality.reference_name(r, row), "level": quality.confidence_words(r, row["confidence"]),
             "source": quality.reference_source(r, row)} for row in frame.to_dict("records")]


def test_reference_values_are_named_and_their_marks_and_notes_are_in_the_report_language():
    sv, en = _flagged("sv"), _flagged("en")
    assert [x["what"] for x in sv] == ["Riksnormen, barn 7–10 år (kr/mån)", "KPI (1980 = 100)"]
    assert [x["what"] for x in en] == ["National norm, child aged 7–10 (SEK/month)", "CPI (1980 = 100)"]
    assert [x["level"] for x in sv] == ["annat års värde", "annat års värde"]
    assert [x["level"] for x in en] == ["another year's value", "another year's value"]
    # the latest riksnorm year before 2031 in the shipped data is 2026 (7-10 is not there: 2024), KPI's is 2026
    base = int(reference.riksnorm_table().query("component == 'child' and band == '7-10'")["year"].max())
    # (the stand-in's derivation first, then where the other year's value comes from)
    assert sv[0]["source"].startswith(f"Riksnormen för 2031 saknas; {base} års värde uppräknat med KPI.")
    assert en[0]["source"].startswith(f"The national norm for 2031 is missing; {base}'s value uprated by CPI.")
    assert en[1]["source"].startswith("CPI for 2031 is missing; 2026's value is used.")
    for x in en:
        assert not any(w in x["source"] for w in ("saknas", "uppräknat", "års värde", "Uppskattning"))


def test_every_shipped_reference_source_has_an_english_one():
    for table in (reference.riksnorm_table(), reference.kpi_table()):
        assert table["source_en"].notna().all() and (table["source_en"].str.len() > 5).all()
        assert not table["source_en"].str.contains("saknas|Uppskattning|uppskattad|årsmedeltal", case=False).any()


# --- a budget chart for a running project ------------------------------------------------------
def test_the_budget_chart_compares_actual_costs_with_the_budget_of_the_same_lines():
    from evaltools.present.plots import plot_budget
    # Personal: 2023 budget 1 000 000, actual 1 100 000 (over budget); 2024 budget 1 200 000, no actual yet
    costs = pd.DataFrame({"period": ["2023", "2024"], "category": ["Personal", "Personal"],
                          "budget": [1_000_000.0, 1_200_000.0], "actual": [1_100_000.0, np.nan]})
    fig = plot_budget(costs, "sv")
    bars = [(round(b.get_x()), round(b.get_width())) for b in fig.axes[0].patches]
    # budget of the settled line from 0, the unsettled budget stacked after it, the actual from 0
    assert bars == [(0, 1_000_000), (1_000_000, 1_200_000), (0, 1_100_000)]
    alt = fig.et_alt.replace("\xa0", " ")
    assert "budget, poster med utfall 1 000 000 kr, utfall 1 100 000 kr, budget för poster som ännu saknar utfall 1 200 000 kr" in alt
    # every line settled: one budget bar, as before
    fig = plot_budget(costs.assign(actual=[1_100_000.0, 1_150_000.0]), "en")
    assert [round(b.get_width()) for b in fig.axes[0].patches] == [2_200_000, 2_250_000]


# --- page 1 counts the exits the main goal counts, and says which it leaves out ------------------
@pytest.mark.parametrize("lang, said", [("sv", "Avslut med utfallet flyttat räknas inte bland de avslutade"),
                                        ("en", "Exits with the outcome moved away are not counted among those who ended")])
def test_page_one_says_which_exits_the_main_goal_leaves_out(tmp_path, lang, said):
    from evaltools.present.sections import summary
    # 12 exits: 6 to studies, 5 still on support, 1 moved away (left out): 6 of 11
    rows = ([_person(i, outcome="studier") for i in range(1, 7)]
            + [_person(i, outcome="kvar_försörjningsstöd") for i in range(7, 12)] + [_person(12, outcome="flyttat")])
    write_csv(tmp_path / "data/participants.csv", rows)
    goal = """\
        kind: individ
        period: {start: 2023-01-01, planned_end: 2024-12-31}
        data: {participants: data/participants.csv}
        goals:
          - id: vidare
            kind: share
            label: Minst 40 procent ska gå vidare till studier eller arbete
            target: 0.4
            period: whole_period
            denominator: exits
            success_outcomes: [studier, arbete, arbete_med_stöd]
            exclude_from_denominator: [flyttat]
        """
    r = et.Report(et.load_project(_params(tmp_path, goal)), lang=lang)
    text = " ".join(summary.participation(r))
    assert ("Av 11 avslutade" if lang == "sv" else "Of 11 participants who ended") in text and said in text
    # nobody moved away: nothing to explain
    write_csv(tmp_path / "data/participants.csv", rows[:-1])
    r = et.Report(et.load_project(_params(tmp_path, goal)), lang=lang)
    assert said not in " ".join(summary.participation(r))


# --- a stated budget total in tkr is named in tkr -----------------------------------------------
def test_a_budget_total_in_tkr_that_disagrees_is_reported_in_tkr_as_written(tmp_path):
    from evaltools.data.errors import DataValidationError
    # lines 540 + 196,5 (text with a decimal comma) + 25 = 761,5 tkr; the total row says 770
    write_csv(tmp_path / "data/budget.csv", [
        {"period": "år 1", "category": "Processledare", "budget": 540, "actual": ""},
        {"period": "år 1", "category": "Utbildning", "budget": "196,5", "actual": ""},
        {"period": "år 1", "category": "Resor", "budget": 25, "actual": ""},
        {"period": "år 1", "category": "Totalt ", "budget": "770,5", "actual": ""},
    ])
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tmp_path, """\
            kind: struktur
            period: {start: 2024-01-01, planned_end: 2024-12-31}
            granted_sek: 800000
            data: {budget: data/budget.csv, amount_unit: tkr}
            """))
    sv, en = e.value.message("sv"), e.value.message("en")
    # (the stated total as the lines' sum is written: the language's decimal mark, the file's unit)
    assert "rad 5, kolumn 'budget': står 770,5 tkr; förväntat summan av raderna, 761,5 tkr" in sv
    assert "row 5, column 'budget': got 770.5 tkr; expected the sum of its lines, 761.5 tkr" in en


@pytest.mark.parametrize("lang, so_far", [("sv", "hittills 60,0"), ("en", "so far 60.0")])
def test_page_one_says_a_running_survey_share_is_so_far(tmp_path, lang, so_far):
    from evaltools.present.sections import summary
    running = " ".join(summary.goal_fulfilment(et.Report(_survey_project(tmp_path / "a", "2024-06-30"), lang=lang)))
    assert so_far in running.replace("\xa0", " ")
    ended = " ".join(summary.goal_fulfilment(et.Report(_survey_project(tmp_path / "b", "2024-12-31"), lang=lang)))
    assert so_far not in ended.replace("\xa0", " ") and so_far.split()[-1] in ended.replace("\xa0", " ")


# --- amounts in the simulation's sentence are said, not printed --------------------------------
@pytest.mark.parametrize("low, high, lang, said", [
    # (the larger end's unit written once at the end; −533 363 kr, below a million, in kronor: −530 000)
    (-533_363.0, 4_191_626.0, "sv", ("−530 000", "4,2 miljoner kronor")),
    (-533_363.0, 4_191_626.0, "en", ("SEK −530,000", "SEK 4.2 million")),
    # two significant figures would make both ends read "1 miljon kronor": one more figure each
    (1_012_000.0, 1_041_000.0, "sv", ("1,01", "1,04 miljoner kronor")),
])
def test_the_simulation_range_is_said_as_a_person_says_amounts(low, high, lang, said):
    from evaltools.present.sections.costbenefit import prose_range
    got = prose_range(low, high, lang)
    assert (got["low"].replace("\xa0", " "), got["high"].replace("\xa0", " ")) == said


# --- what Excel writes: percent cells, a word for "still enrolled", drop-down lists ----------------
def _template_with_rows(path, rows, fmt=None):
    """The workbook `evaltools new` writes, with participant rows filled in from row 4."""
    import openpyxl
    from evaltools.data.template import FIRST_DATA_ROW, write_template
    path.parent.mkdir(parents=True, exist_ok=True)
    write_template(path)
    wb = openpyxl.load_workbook(path)
    ws = wb["participants"]
    header = [c.value for c in ws[FIRST_DATA_ROW - 1]]
    for i, row in enumerate(rows):
        for key, value in row.items():
            cell = ws.cell(FIRST_DATA_ROW + i, header.index(key) + 1, value)
            if fmt and key in fmt:
                cell.number_format = fmt[key]
    wb.save(path)
    return path


def _participant_cells(**extra):
    return {"person_id": "U001", "sex": "kvinna", "birth_year": 2000, "household_type": "ensamstående",
            "start_date": pd.Timestamp("2023-03-01").to_pydatetime(), **extra}


def test_a_percent_cell_is_read_as_the_percent_excel_shows(tmp_path):
    # extent_before_pct typed as 75 % in a percent-formatted cell: Excel stores 0.75 and shows 75 %
    _template_with_rows(tmp_path / "data/p.xlsx", [_participant_cells(extent_before_pct=0.75)],
                        fmt={"extent_before_pct": "0%"})
    project = et.load_project(_params(tmp_path, """\
        kind: individ
        period: {start: 2023-01-01, planned_end: 2024-12-31}
        data: {participants: data/p.xlsx}
        """))
    assert project.participants["extent_before_pct"].tolist() == [75]


@pytest.mark.parametrize("word", ["pågår", "-", "Aktiv"])
def test_a_word_in_the_end_date_says_to_leave_the_cell_empty(tmp_path, word):
    from evaltools.data.errors import DataValidationError
    _template_with_rows(tmp_path / "data/p.xlsx", [_participant_cells(end_date=word)])
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tmp_path, """\
            kind: individ
            period: {start: 2023-01-01, planned_end: 2024-12-31}
            data: {participants: data/p.xlsx}
            """))
    assert f"rad 4, kolumn 'end_date': står '{word}'" in e.value.message("sv")
    assert "lämna cellen tom så länge personen är inskriven" in e.value.message("sv")
    assert "leave the cell empty while the person is still enrolled" in e.value.message("en")


def test_the_templates_drop_down_lists_are_not_taken_for_formulas(tmp_path, monkeypatch):
    # the template's sheets hold <formula1> elements (its drop-down lists) and no formula cell: the
    # workbook is read once, not a second time looking for formulas
    from evaltools.data import reading
    path = _template_with_rows(tmp_path / "p.xlsx", [_participant_cells()])
    loads = []
    real = reading.openpyxl.load_workbook
    monkeypatch.setattr(reading.openpyxl, "load_workbook", lambda *a, **k: loads.append(k) or real(*a, **k))
    raw = reading.read_table(path, ["person_id", "sex"], table="participants")
    assert raw.frame["person_id"].tolist() == ["U001"] and loads == [{"data_only": True}]


# --- calendar years in a sentence ----------------------------------------------------------------
@pytest.mark.parametrize("lang, said", [("sv", ("6 under 2023", "7 under 2024")), ("en", ("6 in 2023", "7 in 2024"))])
def test_a_count_per_calendar_year_is_not_written_next_to_the_bare_year(tmp_path, lang, said):
    import re
    from evaltools.present.sections import summary
    # six exits to work in 2023 and seven in 2024, counted by exit
    rows = ([_person(i, start="2023-03-01", end="2023-10-01") for i in range(1, 7)]
            + [_person(i, start="2023-06-01", end="2024-05-01") for i in range(7, 14)])
    write_csv(tmp_path / "data/participants.csv", rows)
    r = et.Report(et.load_project(_params(tmp_path, """\
        kind: individ
        period: {start: 2023-03-01, planned_end: 2024-12-31}
        data: {participants: data/participants.csv}
        goals:
          - id: arbete
            kind: outcome_count
            label: Minst 5 per kalenderår ska få arbete
            target: 5
            period: calendar_year
            count_by: exit
            success_outcomes: [arbete]
        """)), lang=lang)
    text = " ".join(summary.goal_fulfilment(r)).replace("\xa0", " ")
    assert said[0] in text and said[1] in text
    assert not re.search(r"\d 20\d\d", text)


@pytest.mark.parametrize("periods, said", [
    (("project_year",), "Ansökans mätbara mål redovisas nedan, per projektår räknat från projektets startdatum."),
    # (a goal over the whole period beside goals per year: the intro names both, as the table counts them)
    (("calendar_year", "whole_period"), "Ansökans mätbara mål redovisas nedan, per kalenderår eller över hela projektperioden, som "
                                        "varje mål anger."),
    (("project_year", "whole_period", "whole_period"), "Ansökans mätbara mål redovisas nedan, per projektår räknat från projektets "
                                                       "startdatum eller över hela projektperioden, som varje mål anger."),
    (("project_year", "calendar_year", "whole_period"), "Ansökans mätbara mål redovisas nedan, per projektår (räknat från projektets "
                                                        "startdatum), per kalenderår eller över hela projektperioden, "
                                                        "som varje mål anger."),
    (("project_year", "calendar_year"), "Ansökans mätbara mål redovisas nedan, per projektår (räknat från projektets startdatum) "
                                        "eller per kalenderår, som varje mål anger."),
    (("whole_period",), "Ansökans mätbara mål redovisas nedan, över hela projektperioden."),
])
def test_the_goal_section_says_the_periods_its_goals_are_counted_over(tmp_path, periods, said):
    from evaltools.present.sections import goals as goal_section
    write_csv(tmp_path / "data/participants.csv", [_person(1), _person(2)])
    body = ("kind: individ\nperiod: {start: 2023-03-01, planned_end: 2024-12-31}\n"
            "data: {participants: data/participants.csv}\ngoals:\n"
            + "".join(f"  - {{id: g{i}, kind: participant_count, label: Mål {i}, target: 10, period: {unit}}}\n"
                      for i, unit in enumerate(periods)))
    r = et.Report(et.load_project(_params(tmp_path, body)), lang="sv")
    intro = goal_section.blocks(r)[0][0].paragraphs[0]
    assert intro.startswith(said)


def test_a_period_shorter_by_plan_that_has_not_started_has_its_part_of_the_target(tmp_path):
    # calendar years of a project 2023-03-01 – 2026-02-28 read on 2025-11-30: 2026 has not started and
    # runs 59 of 365 days by plan: 10 × 59/365 = 1,6, so 2 persons
    write_csv(tmp_path / "data/participants.csv", [_person(1), _person(2)])
    project = et.load_project(_params(tmp_path, """\
        kind: individ
        period: {start: 2023-03-01, planned_end: 2026-02-28}
        data_as_of: 2025-11-30
        data: {participants: data/participants.csv}
        goals:
          - {id: per_kalenderår, kind: participant_count, label: Tio per kalenderår, target: 10, period: calendar_year}
          - {id: per_projektår, kind: participant_count, label: Tio per projektår, target: 10, period: project_year}
        """))
    table = assess_goals(project).table.set_index(["goal_id", "period_key"])
    last = table.loc[("per_kalenderår", "2026")]
    assert last["status"] == GoalStatus.NOT_ASSESSED and last["target_prorated"] == 2
    assert table.loc[("per_kalenderår", "2025"), "target_prorated"] == 9  # 10 × 334/365 = 9,2 so far


# --- a rate chart with at most one group left to show --------------------------------------------
def test_a_rate_chart_with_fewer_than_two_groups_shown_is_a_sentence():
    from evaltools.present.display import Text
    from evaltools.present.sections import outcomes
    words = catalog("sv")
    r = SimpleNamespace(lang="sv", k=5, msg=words.msg,
                        rates=SimpleNamespace(table=pd.DataFrame({"rate": ["..", 0.5, "<5", np.nan]})))
    [part] = outcomes.rates_chart(r)
    assert isinstance(part, Text) and part.paragraphs == [words.msg("outcomes.chart_too_few", k="5")]


def test_a_rate_chart_with_groups_to_compare_is_drawn(tmp_path):
    from evaltools.present.sections import outcomes
    # 12 women (6 to work) and 12 men (6 to work), one age group, one intake year: the two sexes compared (the one
    # age group and intake year are no comparison)
    rows = ([_person(i, sex="kvinna", outcome="arbete" if i <= 6 else "kvar_försörjningsstöd") for i in range(1, 13)]
            + [_person(i, sex="man", outcome="arbete" if i <= 18 else "kvar_försörjningsstöd") for i in range(13, 25)])
    write_csv(tmp_path / "data/participants.csv", rows)
    r = et.Report(et.load_project(_params(tmp_path, """\
        kind: individ
        period: {start: 2023-01-01, planned_end: 2024-12-31}
        data: {participants: data/participants.csv}
        """)), lang="sv")
    assert outcomes.shown_rates(r) >= 2
    [chart] = outcomes.rates_chart(r)
    assert hasattr(chart, "et_alt")  # a figure with its alternative text


@pytest.mark.parametrize("lang, said", [("sv", "delvis uppnått (inte uppnått fullt ut i någon av två perioder)"),
                                        ("en", "partly achieved (fully reached in none of two periods)")])
def test_a_partly_verdict_with_no_period_reached_says_so_without_a_zero(tmp_path, lang, said):
    from evaltools.present.sections import summary
    # target 10 per calendar year, counted by exit: 2023 (10 months, target 8) has 5 -> not achieved;
    # 2024 has 9 of 10 -> partly (at least 80 %); so the goal is partly achieved, reached in neither year
    # (counts of 5 or more: a year of 1 to 4 would be hidden by the small-count rule and not assessed)
    rows = ([_person(i, start="2023-03-01", end="2023-10-01") for i in range(1, 6)]
            + [_person(i, start="2023-06-01", end="2024-05-01") for i in range(6, 15)])
    write_csv(tmp_path / "data/participants.csv", rows)
    r = et.Report(et.load_project(_params(tmp_path, """\
        kind: individ
        period: {start: 2023-03-01, planned_end: 2024-12-31}
        data: {participants: data/participants.csv}
        goals:
          - {id: arbete, kind: outcome_count, label: Tio per år, target: 10, period: calendar_year, count_by: exit,
             success_outcomes: [arbete]}
        """)), lang=lang)
    text = " ".join(summary.goal_fulfilment(r))
    assert said in text and "noll" not in text and "zero" not in text


# --- an application's expected share has no counts behind it ----------------------------------------

def test_an_expected_share_is_shown_without_empty_counts():
    """An application check's share goal is the application's expectation: 31,1 %, not 31,1 % (–/–)."""
    import dataclasses

    import numpy as np

    from evaltools.present.results import goal_table_frame

    from .conftest import sample_report
    goals = sample_report("eskilstuna-ansokan").goals
    row = goals.table.iloc[[0]].assign(kind="share", value=0.311, target=0.3, numerator=np.nan,
                                        denominator=np.nan, ci_low=np.nan, ci_high=np.nan, too_few=False)
    shown = goal_table_frame(dataclasses.replace(goals, table=row), "sv")
    assert shown.iloc[0, 2].replace("\xa0", " ") == "31,1 %"
    counted = row.assign(numerator=14.0, denominator=45.0)
    assert goal_table_frame(dataclasses.replace(goals, table=counted), "sv").iloc[0, 2].replace("\xa0", " ") == "31,1 % (14/45)"
