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
