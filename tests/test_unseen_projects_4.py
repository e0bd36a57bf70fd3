"""Fourth sweep of projects unlike the samples: a rehabilitation project whose participants mostly
came from sickness or activity compensation, a project for newly arrived persons with goals per
calendar year, a very small project of seven participants, and goals worded in other ways. Each
fixture is a tiny project written in tmp_path; expected values are worked out by hand from the rows
written here."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.analysis.disclosure import Secondary, counts
from evaltools.present.sections import costbenefit as cb_section

from .conftest import write_csv
from .test_unseen_projects import _params, _person

PROJECT = """\
    kind: individ
    period: {start: 2023-01-01, planned_end: 2024-12-31}
    granted_sek: 1000000
    data: {participants: data/participants.csv, budget: data/budget.csv%s}
    """
BUDGET = [{"period": "hela", "category": "Personal", "budget": 1_000_000, "actual": 1_000_000}]


# --- the count of exits from försörjningsstöd is a count of persons: 1–4 is never shown ------------
def _rehab_project(tmp_path, supports: list[str]):
    """One participant per entry of ``supports`` (their support at start), each starting 2023-03-01
    and leaving for work 2023-09-01."""
    rows = [{**_person(i + 1), "support_start": s} for i, s in enumerate(supports)]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    return et.load_project(_params(tmp_path, PROJECT % ""))


def test_three_exits_from_forsorjningsstod_among_many_on_activity_compensation_are_not_shown(tmp_path):
    # ten leave for work; seven came from sjuk- eller aktivitetsersättning, three from försörjningsstöd:
    # the cost-benefit counts the three (E = 10, X = 3, E − X = 7), and 3 is a count of 1 to 4
    project = _rehab_project(tmp_path, ["sjuk_aktivitetsersättning"] * 7 + ["försörjningsstöd"] * 3)
    c = counts(project)
    assert (c.ended, c.exits) == (10, 3)
    r = et.Report(project, lang="sv")
    assert r.cba.summary.successes == 3
    assert r.disclosure.hides(Secondary.EXITS)
    assert cb_section.benefit_count(r) == []  # "Nyttan bygger på de 3 som lämnat ..." is not said
    frame = cb_section.key_figures(r).frame
    rows = dict(zip(frame.iloc[:, 0], frame.iloc[:, 1]))
    assert rows["Personer som lämnat försörjningsstödet"] == ".."


def test_five_exits_from_forsorjningsstod_are_shown(tmp_path):
    # the same with five from försörjningsstöd and seven from activity compensation: X = 5, E − X = 7
    project = _rehab_project(tmp_path, ["sjuk_aktivitetsersättning"] * 7 + ["försörjningsstöd"] * 5)
    assert (counts(project).ended, counts(project).exits) == (12, 5)
    r = et.Report(project, lang="sv")
    assert r.disclosure.shows(Secondary.EXITS)
    assert "de 5 som lämnat försörjningsstödet" in " ".join(cb_section.benefit_count(r))


# --- a p-value below 0,001 follows "p" as "< 0,001", never "= < 0,001" ----------------------------
GOAL_HALF = """\
    goals:
      - id: halva
        kind: share
        label: Minst hälften av deltagarna ska ha tagit ett steg närmare arbetsmarknaden
        target: 0.5
        period: whole_period
    """


@pytest.mark.parametrize("lang, said", [("sv", "p\u00a0<\u00a00,001"), ("en", "p\u00a0<\u00a00.001")])
def test_a_share_far_below_its_target_says_p_below_not_p_equals_below(tmp_path, lang, said):
    from evaltools.present.results import goal_table_frame
    # 1 of 20 to work against a target of 50 %: P(X <= 1 | n = 20, p = 0.5) = 21 / 2**20, about 0.00002
    rows = [_person(i + 1, outcome="arbete" if i == 0 else "avbrott") for i in range(20)]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    r = et.Report(et.load_project(_params(tmp_path, PROJECT.rstrip(" ") % "" + GOAL_HALF)), lang=lang)
    cells = " ".join(goal_table_frame(r.goals, lang).astype(str).to_numpy().ravel())
    assert said in cells
    assert "=\u00a0<" not in cells and "= <" not in cells


# --- page 1 does not say "<5 av de <5" when few coded leavers can be followed in the payments ---------
@pytest.mark.parametrize("lang, said", [
    ("sv", "någon av dem som kodats som att de lämnat försörjningsstödet försörjningsstöd redan månaden efter "
           "avslutet (färre än 5 av dem kan följas)"),
    ("en", "some of those coded as having left social assistance were paid it the month after their exit "
           "(fewer than 5 of them can be followed)")])
def test_page_one_says_some_of_fewer_than_five_coded_leavers_were_paid_in_words(tmp_path, lang, said):
    from evaltools.present.sections import summary
    # twelve leave for work 2023-09-01; three had försörjningsstöd at start and are in the payments file,
    # paid 8 000 kr every month 2022-09 – 2023-12, so all three are paid the month after their exit (2023-10)
    supports = ["sjuk_aktivitetsersättning"] * 9 + ["försörjningsstöd"] * 3
    rows = [{**_person(i + 1), "support_start": s} for i, s in enumerate(supports)]
    write_csv(tmp_path / "data/participants.csv", rows)
    write_csv(tmp_path / "data/budget.csv", BUDGET)
    months = [f"{y}-{m:02d}" for y, m in [(2022, 9), (2022, 10), (2022, 11), (2022, 12)] + [(2023, m) for m in range(1, 13)]]
    write_csv(tmp_path / "data/payments.csv",
              [{"person_id": f"U{i:03d}", "month": m, "amount": 8000} for i in (10, 11, 12) for m in months])
    r = et.Report(et.load_project(_params(tmp_path, PROJECT % ", payments: data/payments.csv")), lang=lang)
    oc = r.cba.outcome_check
    assert (oc.checked, oc.paid_next_month) == (3, 3)
    [sentence] = summary.codes_contradicted(r)
    assert said in sentence
    assert "<5" not in sentence
