"""More projects unlike the samples: a rehabilitation project whose participants were on sickness
benefit at start, a youth project without payments or support codes, a three-year project whose last
year took in four persons, a project whose exits all fell on one day. Each fixture is a tiny project
written in tmp_path; expected values are worked out by hand from the rows written here."""
from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

import evaltools as et
from evaltools.present.sections import costbenefit as cb_section
from evaltools.present.sections import summary
from evaltools.words.text import catalog

from .conftest import write_csv
from .test_unseen_projects import BUDGET, PROJECT, _params, _person


def _support_project(tmp_path, supports: list[str], payments: list[dict] | None = None):
    """One participant per entry of ``supports`` (their support at start), each starting 2023-03-01
    and leaving for work 2023-09-01."""
    rows = [{**_person(i + 1), "support_start": s} for i, s in enumerate(supports)]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    extra = ""
    if payments is not None:
        write_csv(tmp_path / "data/payments.csv", payments)
        extra = ", payments: data/payments.csv"
    return et.load_project(_params(tmp_path, PROJECT % extra))


# --- a participant on sickness benefit at start has no försörjningsstöd to leave ----------------
def test_exits_of_participants_on_another_support_at_start_save_no_forsorjningsstod(tmp_path):
    # six on försörjningsstöd and six on sjukpenning at start, all twelve leave for work:
    # only the six had försörjningsstöd to leave
    project = _support_project(tmp_path, ["försörjningsstöd"] * 6 + ["sjukpenning"] * 6)
    s = et.cost_benefit(project).summary
    assert s.successes == 6
    assert s.other_support == (("sjukpenning", 6),)
    assert s.unknown_support == 0
    # against every one of the twelve on försörjningsstöd: the benefit is about half (same levels, same exits)
    everyone = et.cost_benefit(_support_project(tmp_path / "all", ["försörjningsstöd"] * 12)).summary
    assert everyone.successes == 12 and everyone.other_support == ()
    assert s.pv_avoided_fs == pytest.approx(everyone.pv_avoided_fs / 2, rel=1e-9)


@pytest.mark.parametrize("lang, said", [
    ("sv", "6 av dem som avslutades till arbete, studier eller en ersättning hade en annan försörjning än försörjningsstöd vid start (sjukpenning)"),
    ("en", "6 of those who left the project for work, studies or a benefit had support other than social assistance at start "
           "(sickness benefit)")])
def test_page_one_and_the_section_say_whose_exits_save_nothing(tmp_path, lang, said):
    r = et.Report(_support_project(tmp_path, ["försörjningsstöd"] * 6 + ["sjukpenning"] * 6), lang=lang)
    assert said in " ".join(summary.worth(r))
    assert said in " ".join(cb_section.benefit_count(r))


def test_payments_before_the_start_show_forsorjningsstod_whatever_the_support_code(tmp_path):
    # the six on sjukpenning were also paid försörjningsstöd (a top-up) in the months before the start
    months = pd.period_range("2022-09", "2023-02", freq="M")
    pay = [{"person_id": f"U{i:03d}", "month": str(m), "amount": 3000} for i in range(1, 13) for m in months]
    project = _support_project(tmp_path, ["försörjningsstöd"] * 6 + ["sjukpenning"] * 6, pay)
    s = et.cost_benefit(project).summary
    assert s.successes == 12 and s.other_support == ()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_when_no_one_who_moved_on_had_forsorjningsstod_the_report_says_why_there_is_no_saving(tmp_path, lang):
    r = et.Report(_support_project(tmp_path, ["sjukpenning"] * 4 + ["sjuk_aktivitetsersättning"] * 3), lang=lang)
    s = r.cba.summary
    assert s.successes == 0 and dict(s.other_support) == {"sjukpenning": 4, "sjuk_aktivitetsersättning": 3}
    assert cb_section.too_early(True, s) == "costbenefit.too_early_other_support"
    words = catalog(lang)
    page_one = " ".join(summary.worth(r))
    assert page_one.startswith("7 ")  # (4 + 3, one sentence saying why there is no saving)
    assert words.msg("costbenefit.too_early_no_exit") not in page_one


# --- nothing shows försörjningsstöd at start: the assumption is said --------------------------------
@pytest.mark.parametrize("lang, said", [
    ("sv", "Kalkylen antar att alla 6 som räknas som att de lämnat försörjningsstödet hade försörjningsstöd vid start"),
    ("en", "The calculation assumes that all 6 counted as leaving social assistance had social assistance at start")])
def test_without_support_codes_or_payments_page_one_says_the_leavers_are_assumed_on_forsorjningsstod(tmp_path, lang, said):
    r = et.Report(_support_project(tmp_path, ["okänt"] * 6), lang=lang)
    assert r.cba.summary.unknown_support == 6
    assert said in " ".join(summary.worth(r))
    # known to be on försörjningsstöd at start: nothing to say
    known = et.Report(_support_project(tmp_path / "known", ["försörjningsstöd"] * 6), lang=lang)
    assert known.cba.summary.unknown_support == 0
    assert said not in " ".join(summary.worth(known))


def test_the_workbook_key_figures_hold_no_sentence_fields(tmp_path):
    r = et.Report(_support_project(tmp_path, ["försörjningsstöd"] * 6 + ["sjukpenning"] * 6), lang="sv")
    figures = r.key_tables()["kostnad_nytta"]
    assert "other_support" not in figures.columns and "unknown_support" not in figures.columns


# --- a three-year project whose last year took in four persons ---------------------------------------
def test_outcome_rates_hide_a_small_intake_year_and_one_more_without_failing(tmp_path):
    # years 1 and 2 take in 10 each (5 to work, 5 still on support), year 3 takes in 4 (2 and 2); a
    # share goal per project year publishes each year's counts: year 3 is hidden (fewer than 5
    # successes) and so one more year (no variable has a single hidden row), which the loop marks in
    # an array pandas may hand out read-only
    rows = []
    for year, n in ((2023, 10), (2024, 10), (2025, 4)):
        for j in range(n):
            i = len(rows) + 1
            rows.append(_person(i, start=f"{year}-02-01", end=f"{year}-08-01",
                                outcome="arbete" if j < n // 2 else "kvar_försörjningsstöd"))
    write_csv(tmp_path / "data/participants.csv", rows)
    project = et.load_project(_params(tmp_path, """\
        kind: individ
        period: {start: 2023-01-01, planned_end: 2025-12-31}
        data: {participants: data/participants.csv}
        goals:
          - {id: andel, kind: share, label: Hälften till arbete, target: 0.5, period: project_year,
             success_outcomes: [arbete]}
        """))
    rates = et.outcome_rates(project).table
    years = rates[rates["variable"] == "project_year"].set_index("category")
    hidden = [str(c) for c, v in years["rate"].items() if isinstance(v, str)]
    assert len(hidden) == 2 and "3" in hidden


# --- the median time in the project: never "inf", never ".. (..–..)" --------------------------------
def _reader(lang: str):
    return SimpleNamespace(lang=lang, msg=catalog(lang).msg)


@pytest.mark.parametrize("lang, open_, closed", [("sv", "150 (från 120)", "150 (120–190)"),
                                                 ("en", "150 (from 120)", "150 (120–190)")])
def test_a_median_whose_interval_has_no_upper_bound_is_written_in_words(lang, open_, closed):
    from evaltools.present.sections.time_in_project import median_cell
    r = _reader(lang)
    assert median_cell(r, 150.0, 120.0, np.inf) == open_
    assert median_cell(r, 150.0, 120.0, np.nan) == open_
    assert median_cell(r, 150.0, 120.0, 190.0) == closed
    assert median_cell(r, 150.0, np.nan, np.nan) == "150"  # no interval could be computed
    assert median_cell(r, "..", "..", "..") == ".."  # hidden: one mark
    assert median_cell(r, np.nan, np.nan, np.nan) == "–"


def test_the_time_table_of_a_group_whose_exits_all_fell_on_one_day_has_no_inf(tmp_path):
    from evaltools.present.display import Table
    from evaltools.present.sections import time_in_project
    # 12 participants of year 1 each stay exactly 184 days (2023-03-01 – 2023-09-01); 8 of year 2 start
    # 2024-02-01, 3 leave 2024-08-01 and 5 are still enrolled on 2024-12-31: the curve of year 2 never
    # falls below one half before the last exit can be followed, so its median's upper bound is infinite
    rows = [_person(i) for i in range(1, 13)]
    rows += [_person(i, start="2024-02-01", end="2024-08-01" if i < 16 else "", outcome="arbete" if i < 16 else "")
             for i in range(13, 21)]
    write_csv(tmp_path / "data/participants.csv", rows)
    project = et.load_project(_params(tmp_path, """\
        kind: individ
        period: {start: 2023-01-01, planned_end: 2024-12-31}
        data_as_of: 2024-12-31
        data: {participants: data/participants.csv}
        """))
    for lang in ("sv", "en"):
        r = et.Report(project, lang=lang)
        [table] = [b for b in time_in_project.blocks(r)[0] if isinstance(b, Table)]
        shown = table.frame.astype(str).to_numpy().ravel().tolist()
        assert not any("inf" in c or "(–" in c or "––" in c for c in shown), shown


# --- co-financing from the region and Försäkringskassan is borne by them -----------------------------
def _cofinanced(tmp_path, funders: dict[str, str]):
    write_csv(tmp_path / "data/participants.csv", [{**_person(i), "support_start": "försörjningsstöd"} for i in range(1, 7)])
    write_csv(tmp_path / "data/budget.csv", [
        {"period": "hela", "category": "Personal", "budget": 1_000_000, "actual": 1_000_000, "funder": "förbund"},
        {"period": "hela", "category": "Arbetsterapeut", "budget": 200_000, "actual": 200_000, "funder": funders["region"]},
        {"period": "hela", "category": "Försäkringssamordnare", "budget": 150_000, "actual": 150_000,
         "funder": funders["fk"]}])
    return et.load_project(_params(tmp_path, PROJECT % ""))


def test_a_partners_co_financing_is_booked_on_that_partner(tmp_path):
    # förbund 1 000 000: state 500 000, region 250 000, kommun 250 000; the region's own line 200 000 and
    # Försäkringskassan's 150 000 on them: kommun 250, region 450, fk 150, stat with fk 650 (thousands);
    # every line runs over the whole period, so the present values keep these ratios
    cost = et.cost_benefit(_cofinanced(tmp_path, {"region": "region", "fk": "försäkringskassan"})).table
    pv = cost.set_index("perspective")["pv_cost"]
    assert pv["region"] / pv["kommun"] == pytest.approx(450 / 250)
    assert pv["fk"] / pv["kommun"] == pytest.approx(150 / 250)
    assert pv["stat"] / pv["kommun"] == pytest.approx(650 / 250)
    assert pv["offentliga"] / pv["kommun"] == pytest.approx(1350 / 250)


def test_a_funder_written_as_a_name_is_refused_listing_the_partner_codes(tmp_path):
    from evaltools.data.errors import DataValidationError
    with pytest.raises(DataValidationError) as e:
        _cofinanced(tmp_path, {"region": "Region Provlän", "fk": "försäkringskassan"})
    sv = e.value.message("sv")
    assert "rad 3, kolumn 'funder': står 'Region Provlän'" in sv and "region" in sv.split("förväntat", 1)[1]


# --- one workbook as a Swedish Excel user writes it ----------------------------------------------------
def _swedish_workbook(path, budget_sheet: str = "Budget "):
    """Sheets named in Swedish, a title row, header cells with trailing spaces, an empty row in the
    middle, and a budget whose total row at the bottom leaves its period empty."""
    import datetime as dt

    import openpyxl
    path.parent.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Deltagare"
    ws.append(["Deltagarlista, uttag 2024-06-30"])
    ws.append(["person_id ", "sex", "birth_year", "household_type ", "start_date", "end_date", "outcome"])
    for i in range(1, 7):
        if i == 4:
            ws.append([])
        ws.append([f"S{i:03d}", "kvinna", 1990, "ensamstående", dt.datetime(2023, 3, 1), dt.datetime(2023, 9, 1), "arbete"])
    pay = wb.create_sheet("Utbetalningar")
    pay.append(["person_id", "month", "amount"])
    for i in range(1, 7):
        pay.append([f"S{i:03d}", "2023-01", "8 500,50"])
    budget = wb.create_sheet(budget_sheet)
    budget.append(["period", "category", "budget", "actual"])
    budget.append([2023, "Personal", 600_000, 590_000])
    budget.append([2024, "Personal", 400_000, None])
    budget.append([None, "Summa", 1_000_000, 590_000])
    wb.save(path)
    return path


WORKBOOK = """\
    kind: individ
    period: {start: 2023-01-01, planned_end: 2024-12-31}
    data_as_of: 2024-06-30
    granted_sek: 1000000
    data: {participants: data/p.xlsx, payments: data/p.xlsx, budget: data/p.xlsx}
    """


def test_a_workbook_with_swedish_sheet_names_and_an_undated_total_row_loads(tmp_path):
    _swedish_workbook(tmp_path / "data/p.xlsx")
    project = et.load_project(_params(tmp_path, WORKBOOK))
    assert project.participants["person_id"].tolist() == [f"S{i:03d}" for i in range(1, 7)]
    assert project.payments["amount"].tolist() == [8500.5] * 6
    # the total row (1 000 000 and 590 000) agrees with its lines and is dropped
    assert project.budget["budget"].tolist() == [600_000, 400_000]


def test_an_undated_total_row_that_disagrees_names_its_row(tmp_path):
    from evaltools.data.errors import DataValidationError
    path = _swedish_workbook(tmp_path / "data/p.xlsx")
    import openpyxl
    wb = openpyxl.load_workbook(path)
    wb["Budget "]["C4"] = 1_100_000  # the lines sum to 1 000 000
    wb.save(path)
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tmp_path, WORKBOOK))
    assert "rad 4, kolumn 'budget': står 1 100 000 kr; förväntat summan av raderna, 1 000 000 kr" in e.value.message("sv")


def test_a_sheet_named_unlike_any_file_is_still_not_guessed(tmp_path):
    from evaltools.data.errors import DataValidationError
    _swedish_workbook(tmp_path / "data/p.xlsx", budget_sheet="Ekonomi 2023")
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tmp_path, WORKBOOK))
    # (the first sheet, Deltagare, was read for the budget: none of its columns is the budget's)
    assert "bladet som lästes har ingen av filens kolumner (period, category" in e.value.message("sv")
    assert "'Ekonomi 2023'" in e.value.message("sv")  # (named among the other sheets, not read)


# --- a breakdown unknown for everyone is not a row of "Okänt 100 %" -----------------------------------
@pytest.mark.parametrize("lang, said", [
    ("sv", "Tabellen visar inte försörjning vid start och SGI-status: uppgiften saknas för alla deltagare."),
    ("en", "The table leaves out support at start and SGI status: not known for any participant.")])
def test_a_breakdown_the_file_lacks_is_left_out_of_the_participant_table_and_named(tmp_path, lang, said):
    from evaltools.present.sections import participants
    # the file has neither support_start nor sgi_status: both are okänt for all six
    write_csv(tmp_path / "data/participants.csv", [_person(i) for i in range(1, 7)])
    r = et.Report(et.load_project(_params(tmp_path, """\
        kind: individ
        period: {start: 2023-01-01, planned_end: 2024-12-31}
        data: {participants: data/participants.csv}
        """)), lang=lang)
    # (all six start 2023-03-01, in project year 1: no breakdown by intake year, and the note does not name one)
    assert set(r.composition.table["variable"]) == {"sex", "age_group", "household_type"}
    assert participants.unknown_note(r) == (said,)
    # one person with a known support at start: the breakdown is shown (with its unknowns)
    rows = [_person(i) for i in range(1, 7)]
    rows[0]["support_start"] = "försörjningsstöd"
    write_csv(tmp_path / "data/participants.csv", rows)
    r = et.Report(et.load_project(_params(tmp_path, """\
        kind: individ
        period: {start: 2023-01-01, planned_end: 2024-12-31}
        data: {participants: data/participants.csv}
        """)), lang=lang)
    assert "support_start" in set(r.composition.table["variable"])
    assert "sgi_status" not in set(r.composition.table["variable"])


# --- a count goal already at its whole target while its period runs --------------------------------------
@pytest.mark.parametrize("lang, full, part", [
    ("sv", "7 hittills under hela perioden, som pågår: redan hela periodens målvärde 6", "som gått är"),
    ("en", "7 so far over the whole period, still running: already the whole period's target of 6", "months so far")])
def test_page_one_says_a_running_count_goal_already_has_its_whole_target(tmp_path, lang, full, part):
    # 7 enrolled by 2024-06-30 against a target of 6 for 2023-01-01 – 2024-12-31: a count can only grow
    write_csv(tmp_path / "data/participants.csv", [_person(i) for i in range(1, 8)])
    body = """\
        kind: individ
        period: {start: 2023-01-01, planned_end: 2024-12-31}
        data_as_of: 2024-06-30
        data: {participants: data/participants.csv}
        goals:
          - {id: antal, kind: participant_count, label: Deltagare, target: %d, period: whole_period}
        """
    r = et.Report(et.load_project(_params(tmp_path, body % 6)), lang=lang)
    assert r.goals.table.iloc[0]["status"] == "pågår"  # (still not judged before the period ends)
    text = " ".join(summary.goal_fulfilment(r)).replace("\xa0", " ")
    assert full in text and part not in text
    # 7 of a target of 10: the target for the time run so far, as before
    r = et.Report(et.load_project(_params(tmp_path, body % 10)), lang=lang)
    text = " ".join(summary.goal_fulfilment(r)).replace("\xa0", " ")
    assert part in text and "already" not in text and "redan" not in text


# --- an English report of a params file written in Swedish ----------------------------------------------
def test_the_texts_an_english_report_shows_in_swedish_are_listed_with_their_keys(tmp_path):
    from evaltools.publish.cli import _english_hint, swedish_only
    params = et.load_params(_params(tmp_path, """\
        kind: struktur
        description: Stöd till unga.
        period: {start: 2024-01-01, planned_end: 2025-12-31}
        target_population: {size: 120, description: unga som varken arbetar eller studerar}
        goals:
          - {id: rutiner, kind: qualitative, label: Rutiner ska finnas, label_en: Routines in place,
             assessment: delvis, evidence: Antagna i tre av fyra kommuner.}
          - {id: nätverk, kind: qualitative, label: Ett nätverk ska bildas, assessment: uppnått}
        """))
    assert swedish_only(params) == ["description_en", "target_population.description_en",
                                    "goals: rutiner (evidence_en)", "goals: nätverk (label_en)"]
    assert "goals: nätverk (label_en)" in _english_hint(params, "en")
    assert _english_hint(params, "sv") == ""  # (a Swedish report needs none of them)


# --- payments that end before anyone's exit: no table of zeros ------------------------------------------
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_follow_up_after_exit_with_nobody_followed_is_a_sentence_not_a_table(tmp_path, lang):
    from evaltools.present.display import Table, Text
    # paid September 2022 – February 2023, all leave for work on 2023-09-01: no month after an exit is in the file
    months = pd.period_range("2022-09", "2023-02", freq="M")
    pay = [{"person_id": f"U{i:03d}", "month": str(m), "amount": 8000} for i in range(1, 7) for m in months]
    r = et.Report(_support_project(tmp_path, ["försörjningsstöd"] * 6, pay), lang=lang)
    assert (r.cba.persistence["observed"] == 0).all()
    parts = cb_section.persistence_table(r)
    assert not any(isinstance(p, Table) for p in parts)
    [text] = parts
    assert isinstance(text, Text) and catalog(lang).msg("costbenefit.persist.none_followed") in text.paragraphs


# --- every group's share hidden: no table of marks, no verdict on hidden tests ------------------------
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_outcome_shares_all_hidden_are_a_sentence_without_a_verdict(tmp_path, lang):
    from evaltools.present.display import Table, Text
    from evaltools.present.sections import outcomes
    # 8 ended, 3 to work: fewer than 5 successes in every group, so every share is hidden
    rows = [_person(i, sex="kvinna" if i % 2 else "man", outcome="arbete" if i <= 3 else "kvar_försörjningsstöd")
            for i in range(1, 9)]
    write_csv(tmp_path / "data/participants.csv", rows)
    r = et.Report(et.load_project(_params(tmp_path, """\
        kind: individ
        period: {start: 2023-01-01, planned_end: 2024-12-31}
        data: {participants: data/participants.csv}
        """)), lang=lang)
    assert outcomes.shown_rates(r) == 0
    parts = outcomes.blocks(r)[0]
    words = catalog(lang)
    said = [p for b in parts if isinstance(b, Text) for p in b.paragraphs]
    assert words.msg("outcomes.none_shown", k="5") in said
    assert not any(words.msg("outcomes.no_clear_difference", n="1", measure="x").split()[0] in p for p in said[1:])
    # no table of hidden shares; the exit outcomes (work 3, still on försörjningsstöd 5 = 8 − 3) are all
    # hidden too, so they are a sentence as well: not that every kind has fewer than 5 (5 are still on
    # försörjningsstöd), but that the others would tell the few
    assert sum(isinstance(b, Table) for b in parts) == 0
    assert words.msg("outcomes.all_hidden", k="5") in said and words.msg("outcomes.all_few", k="5") not in said


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_project_with_one_group_in_every_breakdown_says_nothing_was_compared(tmp_path, lang):
    from evaltools.present.display import Text
    from evaltools.present.sections import outcomes
    # 12 women of one age group, one household type and one intake year: 6 to work, 6 still on support
    rows = [_person(i, outcome="arbete" if i <= 6 else "kvar_försörjningsstöd") for i in range(1, 13)]
    write_csv(tmp_path / "data/participants.csv", rows)
    r = et.Report(et.load_project(_params(tmp_path, """\
        kind: individ
        period: {start: 2023-01-01, planned_end: 2024-12-31}
        data: {participants: data/participants.csv}
        """)), lang=lang)
    said = [p for b in outcomes.blocks(r)[0] if isinstance(b, Text) for p in b.paragraphs]
    assert catalog(lang).msg("outcomes.no_test") in said
    assert not any(p.startswith(("Justerat för att 0", "Adjusted for the 0")) for p in said)


# --- words a case worker writes for a code --------------------------------------------------------------
@pytest.mark.parametrize("column, written, code", [("outcome", "Sjukersättning", "sjuk_aktivitetsersättning"),
                                                   ("outcome", "lönebidrag", "arbete_med_stöd"),
                                                   ("support_start", "sjukskriven", "sjukpenning"),
                                                   ("support_start", "Ekonomiskt bistånd", "försörjningsstöd")])
def test_a_word_for_a_code_is_refused_with_the_code_suggested(tmp_path, column, written, code):
    from evaltools.data.errors import DataValidationError
    row = {**_person(1), "support_start": "försörjningsstöd", column: written}
    write_csv(tmp_path / "data/participants.csv", [row])
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tmp_path, """\
            kind: individ
            period: {start: 2023-01-01, planned_end: 2024-12-31}
            data: {participants: data/participants.csv}
            """))
    sv, en = e.value.message("sv"), e.value.message("en")
    assert f"rad 2, kolumn '{column}': står '{written}'" in sv and f"menar du '{code}'?" in sv
    assert f"row 2, column '{column}': got '{written}'" in en and f"'{code}'" in en.split("expected", 1)[1]
