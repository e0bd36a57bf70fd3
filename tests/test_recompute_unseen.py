"""Figures of a project recomputed by hand, independently of the toolkit, and the words beside them."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.present.sections import costbenefit as cb_section

from .conftest import write_csv

# six persons start 2022-03-10 and leave for work 2022-06-15; each was paid 9 000 kr a month from
# 2021-01 to the exit month and nothing after, and the payments file runs to 2023-12, so all six are
# followed 12 months after the exit month (2022-07 ... 2023-06): six followed, every one of them kept 100 %
PARAMS = """\
id: tiny6
title: Sex som lämnar
forbund: Testförbundet
owner: Testkommun
period: {start: 2022-01-01, planned_end: 2023-12-31}
data_as_of: 2023-12-31
data: {participants: data/participants.csv, payments: data/payments.csv, budget: data/budget.csv}
cost_benefit:
  price_year: 2022
  monthly_level: {method: fixed, amount_sek: 9000, amount_year: 2022, source: testkälla}
  horizon_years: 2
  dropoff_per_year: 0.15
  deadweight: 0
  discount_rate: 0
  persistence_min_observed: %(min)d
  dropoff_from_payments: %(drop)s
  first_year_from_payments: %(first)s
reference:
  kpi: {2021: 100, 2022: 100, 2023: 100}
"""


def _months(first: tuple[int, int], last: tuple[int, int]) -> list[str]:
    (y, m), out = first, []
    while (y, m) <= last:
        out.append(f"{y}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _report(tmp_path, lang="sv", *, min_observed=5, drop="false", first="false"):
    ids = [f"S{i}" for i in range(1, 7)]
    write_csv(tmp_path / "data/participants.csv", [
        {"person_id": p, "sex": "kvinna" if i % 2 else "man", "birth_year": 1980 + i, "household_type": "ensamstående",
         "start_date": "2022-03-10", "end_date": "2022-06-15", "outcome": "arbete", "support_start": "försörjningsstöd"}
        for i, p in enumerate(ids)])
    pays = [{"person_id": p, "month": m, "amount": 9000} for p in ids for m in _months((2021, 1), (2022, 6))]
    # a 0 kr row keeps the file running to 2023-12 (the follow-up's reach)
    pays += [{"person_id": "S1", "month": "2023-12", "amount": 0}]
    write_csv(tmp_path / "data/payments.csv", pays)
    write_csv(tmp_path / "data/budget.csv", [{"period": "2022", "category": "Personal", "budget": 300000, "actual": 300000}])
    path = tmp_path / "tiny6.yaml"
    path.write_text(PARAMS % {"min": min_observed, "drop": drop, "first": first}, encoding="utf-8")
    return et.Report(et.load_project(path), lang=lang)


def _note(r) -> str:
    parts = cb_section.persistence_table(r)
    return " ".join(n for p in parts for n in getattr(p, "notes", ())).replace("\xa0", " ")


def test_six_followed_twelve_months_are_counted_as_followed(tmp_path):
    r = _report(tmp_path)
    t = r.cba.persistence.set_index("months_after")
    # by hand: exits 2022-06, the file runs to 2023-12: all six are followed 3, 6 and 12 months, none paid
    assert t.loc[12, "observed"] == 6 and t.loc[12, "without_fs"] == 6
    # the params keep the assumed drop-off: 6 exits × 9 000 kr × (12 + 12 × 0,85) months, undiscounted
    assert r.cba.summary.pv_avoided_fs == pytest.approx(6 * 9000 * (12 + 12 * 0.85))  # 1 198 800 kr


@pytest.mark.parametrize("lang, said, never", [
    ("sv", "Kalkylens avtagande effekt är ett antagande, 15 % per år: projektets parametrar anger att det ska "
           "användas i stället för det observerade.", "för få har följts"),
    ("en", "The calculation's drop-off is an assumption, 15% a year: the project's parameters say to use it "
           "instead of what was observed.", "too few have been followed")])
def test_a_drop_off_kept_by_the_params_is_not_said_to_be_for_want_of_follow_up(tmp_path, lang, said, never):
    # six are followed 12 months, at least the five the params ask for: the observed drop-off could be
    # used, and the assumption holds only because the params say so; the note must say that
    r = _report(tmp_path, lang)
    note = _note(r)
    assert said in note and never not in note


def test_too_few_followed_still_says_too_few(tmp_path):
    r = _report(tmp_path, min_observed=7, drop="true")
    assert "för få har följts 12 månader" in _note(r)


def test_an_observed_first_year_with_an_assumed_drop_off_names_the_assumed_rate(tmp_path):
    r = _report(tmp_path, first="true")
    note = _note(r)
    assert r.cba.summary.first_year_source == "observed"
    assert "därefter avtar besparingen med det antagna 15 % per år" in note
    assert "det som inte fanns kvar efter 12 månader" not in note


# --- months after the day the data were taken ------------------------------------------------------
# Five participants and six comparison persons, each paid 10 000 kr every month from 12 months before
# their reference month 2023-01 to 2023-12; data taken 2023-06-30. One comparison person's file also
# has rows for 2023-07 to 2023-09 (and a follow-up date 2023-09-20), which cannot have been known on
# 2023-06-30. Counted from 2022-01 to 2023-06 only, every person is paid 10 000 kr in every month; with
# the three late months counted, the five others would be 0 kr in them, as if they had left.
DID_PARAMS = """\
id: sen
title: Sena rader
forbund: Testförbundet
owner: Testkommun
period: {start: 2023-01-01, planned_end: 2023-12-31}
data_as_of: 2023-06-30
data:
  participants: data/participants.csv
  payments: data/payments.csv
  budget: data/budget.csv
  comparison: {persons: data/comparison.csv, payments: data/comparison_payments.csv}
"""


def _did_project(tmp_path, ended: bool = False):
    person = {"sex": "kvinna", "birth_year": 1985, "household_type": "ensamstående", "start_date": "2023-01-10",
              "support_start": "försörjningsstöd"}
    exit_ = {"end_date": "2023-05-15", "outcome": "arbete"} if ended else {"end_date": "", "outcome": ""}
    write_csv(tmp_path / "data/participants.csv", [{"person_id": f"D{i}", **person, **exit_} for i in range(1, 6)])
    write_csv(tmp_path / "data/comparison.csv",
              [{"person_id": f"K{i}", **person, "end_date": "2023-09-20" if i == 1 else "",
                "outcome": "arbete" if i == 1 else ""} for i in range(1, 7)])
    months = _months((2022, 1), (2023, 6))
    write_csv(tmp_path / "data/payments.csv",
              [{"person_id": f"D{i}", "month": m, "amount": 10000} for i in range(1, 6) for m in months])
    write_csv(tmp_path / "data/comparison_payments.csv",
              [{"person_id": f"K{i}", "month": m, "amount": 10000} for i in range(1, 7) for m in months]
              + [{"person_id": "K1", "month": m, "amount": 10000} for m in ("2023-07", "2023-08", "2023-09")])
    write_csv(tmp_path / "data/budget.csv", [{"period": "2023", "category": "Personal", "budget": 100000}])
    path = tmp_path / "sen.yaml"
    path.write_text(DID_PARAMS, encoding="utf-8")
    return et.load_project(path)


def test_payments_after_the_data_date_are_left_out_with_a_note(tmp_path):
    project = _did_project(tmp_path)
    assert str(project.comparison_payments["month"].max())[:7] == "2023-06"
    notes = {w.code: w for w in project.warnings}
    assert "payment_after_as_of" in notes
    assert notes["payment_after_as_of"].note("sv").startswith("3 rader gäller månader efter analysdatumet 2023-06-30")
    # the comparison person's follow-up date after the data date gets the note a participant's end date gets
    assert [w.value for w in project.warnings if w.code == "late_end"] == ["2023-09-20"]


def test_the_comparison_panel_ends_at_the_data_date(tmp_path):
    from evaltools.analysis.comparison import build_panel
    panel = build_panel(_did_project(tmp_path))
    comparison = panel[panel["treated"] == 0]
    # by hand: reference month 2023-01, window 2022-01 (month −12) to the data date's month 2023-06
    # (month +5): 18 months for each of the six comparison persons, none of them after 2023-06
    assert len(comparison) == 6 * 18
    assert comparison["event_time"].max() == 5
    assert (panel["amount"] == 10000).all()  # (no month counted as 0 kr for want of a row)


# --- the appendix's rules name what the params chose for this report -------------------------------
@pytest.mark.parametrize("lang, deadweight, persistence", [
    ("sv", "I den här rapporten är dödvikten 0 %, satt i parameterfilen (utvärderarens val).",
     "I den här rapporten sparas hela nivån första året och antagandet om 15 % per år gäller, också om "
     "tillräckligt många har följts, som parameterfilen anger."),
    ("en", "In this report the deadweight is 0%, set in the parameters file (the evaluator's choice).",
     "In this report the whole level is saved in the first year and the assumed 15% a year holds, also "
     "where enough persons have been followed, as the parameters file says.")])
def test_the_method_appendix_says_the_deadweight_and_persistence_the_params_chose(tmp_path, lang, deadweight, persistence):
    from evaltools.present.sections.method import paragraphs
    text = " ".join(paragraphs(_report(tmp_path, lang))).replace("\xa0", " ")
    assert deadweight in text and persistence in text


def test_the_method_appendix_adds_nothing_where_the_params_leave_the_rules_as_they_are(tmp_path):
    from evaltools.present.sections.method import paragraphs
    r = _report(tmp_path, drop="true", first="true")
    r = et.Report(r.project.with_params(cost_benefit={"deadweight": None}), lang="sv")
    text = " ".join(paragraphs(r))
    assert "I den här rapporten" not in text


@pytest.mark.parametrize("lang, said", [
    ("sv", "Utbetalningsrader för månader efter analysdatumet räknas inte: de kan inte ha varit kända när "
           "uppgifterna togs ut."),
    ("en", "Payment rows for months after the analysis date are not counted: they cannot have been known when "
           "the data were taken.")])
def test_the_report_says_in_its_words_that_late_payment_rows_are_not_counted(tmp_path, lang, said):
    from evaltools.present.sections.quality import report_table
    r = et.Report(_did_project(tmp_path), lang=lang)
    notes = report_table(r).iloc[:, 0].tolist()
    assert said in notes
    assert not any("data_as_of" in n for n in notes)  # (the evaluator's to-do stays in `evaltools validate`)


@pytest.mark.parametrize("drop, first, said", [
    ("false", "true", "I den här rapporten gäller antagandet om 15 % per år från månad 13, också om tillräckligt "
                      "många har följts, som parameterfilen anger."),
    ("true", "false", "I den här rapporten sparas hela nivån första året, också om tillräckligt många har följts, "
                      "som parameterfilen anger.")])
def test_the_method_appendix_names_which_of_the_two_persistence_rules_the_params_kept(tmp_path, drop, first, said):
    from evaltools.present.sections.method import paragraphs
    text = " ".join(paragraphs(_report(tmp_path, drop=drop, first=first))).replace("\xa0", " ")
    assert said in text


# --- the comparison group's exit rate counts only those with a status at follow-up ----------------
@pytest.mark.parametrize("lang, said", [
    ("sv", "5 av de 6 i jämförelsegruppen har ingen status vid uppföljningen (inget utfall i filen) och räknas "
           "inte här."),
    ("en", "5 of the 6 in the comparison group have no status at follow-up (no outcome in the file) and are not "
           "counted here.")])
def test_the_exit_rate_table_says_how_many_comparison_persons_have_no_status(tmp_path, lang, said):
    from evaltools.analysis.comparison import compare_exit_rates
    from evaltools.present.display import Table
    from evaltools.present.sections import payments as payments_section
    # one comparison person of six has an outcome (K1, work, 2023-09-20): the table counts one comparison
    # person beside the five participants who ended, and the note says that the other five are left out
    r = et.Report(_did_project(tmp_path, ended=True), lang=lang)
    assert compare_exit_rates(r.project)["n"].tolist() == [5, 1]
    tables = [x for block in payments_section.blocks(r) for x in block if isinstance(x, Table)]
    notes = " ".join(n for tb in tables for n in tb.notes)
    assert said in notes
