"""What a board member stumbles over when reading the samples after the budget, small-project and goal-wording
changes: a p-value repeated beside each group of a comparison as if each share had been tested, and the like.
Expected figures are counted from the samples' own files (participants, comparison group), not taken from the
code's output."""
from __future__ import annotations

import pandas as pd
import pytest
from scipy import stats

from evaltools.present.display import Table
from evaltools.present.sections import payments as pay_section
from tests.conftest import PARAMS, sample_report
from .conftest import sample_portfolio

ROOT = PARAMS.parent
# the codes kompassen-demo's cost-benefit counts as having left social assistance (its params file)
KOMPASSEN_LEFT = {"arbete", "arbete_med_stöd", "studier", "sjuk_aktivitetsersättning", "sjukpenning",
                  "annan_ersättning"}


def _left(path) -> tuple[int, int]:
    """(who left social assistance, who is counted): ended persons, or comparison persons with an outcome."""
    d = pd.read_csv(path)
    d = d[d["end_date"].notna() & d["outcome"].notna()]
    return int(d["outcome"].isin(KOMPASSEN_LEFT).sum()), len(d)


# --- one test of the difference, one p-value ------------------------------------------------------------

@pytest.mark.parametrize("lang, heading, groups", [
    ("sv", "p-värde för skillnaden", ("Deltagare", "Jämförelsegrupp")),
    ("en", "p-value of the difference", ("Participants", "Comparison group")),
])
def test_the_exit_rate_table_shows_the_p_value_of_the_difference_once(lang, heading, groups):
    k_p, n_p = _left(ROOT / "data" / "kompassen-demo" / "participants.csv")
    k_c, n_c = _left(ROOT / "data" / "kompassen-demo" / "comparison.csv")
    assert (k_p, n_p) == (86, 180)  # page 1: "Av 180 avslutade deltagare fick 86 (47,8 %)"
    # the expected counts are all far above 5, so the test of the difference is chi-square
    p = stats.chi2_contingency([[k_p, n_p - k_p], [k_c, n_c - k_c]]).pvalue
    assert p < 0.001
    r = sample_report("kompassen-demo", lang)
    [table] = [b for part in pay_section.blocks(r) for b in part
               if isinstance(b, Table) and heading in b.frame.columns]
    assert list(table.frame.iloc[:, 0]) == list(groups)
    # one p-value, on the comparison group's row; the participants' row has none of its own
    assert list(table.frame[heading]) == ["", "< 0,001" if lang == "sv" else "< 0.001"]
    assert "p-värde" not in table.frame.columns and "p-value" not in table.frame.columns


# --- an application's key figures speak of those who leave, not those who left ----------------------------

@pytest.mark.parametrize("lang, now, past, expected", [
    ("sv", "Personer som lämnar försörjningsstödet", "Personer som lämnat försörjningsstödet",
     "110 (förväntat enligt ansökan)"),
    ("en", "Persons who leave social assistance", "Persons who left social assistance",
     "110 (expected according to the application)"),
])
def test_an_applications_key_figures_count_those_who_leave_not_those_who_left(lang, now, past, expected):
    from evaltools.present.sections import costbenefit as cb_section
    # the application expects 40 a year to leave for own support (params: successes_per_year), 30 in its third
    # year of 9 months (2026-04-01 – 2026-12-31): 40 + 40 + 30 = 110
    application = cb_section.key_figures(sample_report("eskilstuna-ansokan", lang))
    rows = dict(application.frame.itertuples(index=False, name=None))
    assert rows.get(now) == expected
    assert past not in rows
    # a finished project keeps the past tense: those who left
    done = dict(cb_section.key_figures(sample_report("timra-vagen-ut", lang)).frame.itertuples(index=False, name=None))
    assert past in done and now not in done


# --- the cost-benefit section says "alla 86", as page 1 does, not "86 av dem" of the 86 --------------------

def _coded_and_paid(pid: str) -> tuple[int, int, int]:
    """(coded as having left, of them covered by the payments file the month after the exit, of those paid
    social assistance that month), counted from the sample's participants and payments files."""
    d = pd.read_csv(ROOT / "data" / pid / "participants.csv")
    d = d[d["end_date"].notna() & d["outcome"].isin(KOMPASSEN_LEFT)]
    pay = pd.read_csv(ROOT / "data" / pid / "payments.csv")
    pay["month"] = pd.PeriodIndex(pay["month"], freq="M")
    last = pay["month"].max()
    paid = set(zip(pay.loc[pay["amount"] > 0, "person_id"], pay.loc[pay["amount"] > 0, "month"]))
    after = {p: pd.Period(e, freq="M") + 1 for p, e in zip(d["person_id"], d["end_date"])}
    checked = [p for p, m in after.items() if m <= last]
    return len(d), len(checked), sum((p, after[p]) in paid for p in checked)


@pytest.mark.parametrize("lang, all_said, part_said", [
    ("sv", "fick alla 6 som kan följas försörjningsstöd redan månaden efter avslutet", "fick 6 av dem"),
    ("en", "all 6 who can be followed received social assistance the month after their exit", "6 of them"),
])
def test_the_benefit_count_says_all_of_those_followed_were_paid_not_n_of_them(lang, all_said, part_said, tiny_project):
    import evaltools as et
    from evaltools.present.sections import costbenefit as cb_section

    from .test_outcome_codes_against_payments import contradicting_project
    # six coded as having left, all six paid the month after (the samples' leavers no longer are: Kompassen's
    # 86 are covered by the payments file the month after and none of them is paid)
    assert _coded_and_paid("kompassen-demo") == (86, 86, 0)
    said = " ".join(cb_section.benefit_count(et.Report(contradicting_project(tiny_project), lang)))
    assert all_said in said
    assert part_said not in said


# --- the sensitivity bounds' note gives both effects, not "differs a little" beside an eightfold difference -----

@pytest.mark.parametrize("lang, main_words, mean_words, little", [
    ("sv", r"Skattad effekt \(skillnad-i-skillnader\): (−[\d  ]+ kr)", r"medeleffekten från start \((−[\d  ]+ kr) per",
     "något från huvudskattningen"),
    ("en", r"Estimated effect \(difference in differences\): (SEK −[\d,]+)",
     r"mean effect from the start \((SEK −[\d,]+) per", "differs a little"),
])
def test_the_sensitivity_bounds_note_states_the_mean_effect_beside_the_main_estimate(lang, main_words, mean_words,
                                                                                     little):
    import re
    from evaltools.present.display import Text
    r = sample_report("sprangbradan-demo", lang)
    # (the main estimate with its method's name and the bounds are the appendix's detail of the comparison)
    blocks = [b for part in pay_section.detail_blocks(r) for b in part]
    said = " ".join([pay_section.did_effect_sentence(r)] + [q for b in blocks if isinstance(b, Text)
                                                             for q in b.paragraphs]).replace("\xa0", " ")
    main = re.search(main_words, said)
    mean = re.search(mean_words, said)
    assert main and mean, said
    [note] = [n.replace("\xa0", " ") for b in blocks if isinstance(b, Table) for n in b.notes
              if "Rambachan" in n]
    # the two figures a reader compares are both in the note, as the section's sentences state them
    assert f"({mean.group(1)} per" in note and f"({main.group(1)})" in note
    assert little not in note
    # and in this sample they are far apart (the groups drifted apart before the start): not "a little"
    as_kr = [int(re.sub(r"\D", "", m.group(1))) for m in (main, mean)]
    assert as_kr[1] > 5 * as_kr[0]


# --- the portfolio chart says which project's share counts something else ---------------------------------

@pytest.mark.parametrize("lang, plan, caption", [
    ("sv", "Nästa steg (fiktivt exempel) (handlingsplan vid avslut)", "går inte att jämföra rakt av"),
    ("en", "Next Step (fictional example) (action plan at exit)", "cannot be compared directly"),
])
def test_the_portfolio_chart_marks_a_share_that_counts_action_plans_beside_shares_of_outcomes(lang, plan, caption):
    from evaltools.present import portfolio as pf_module
    from evaltools.present.display import Text
    # nasta-steg's main goal counts exits with a documented action plan; kompassen's and timra's count exit
    # outcomes (their params files): two kinds of success side by side, the action plan the odd one out
    pf = sample_portfolio(("kompassen-demo", "nasta-steg", "timra-vagen-ut"), lang)
    labels = pf.chart_labels()
    titles = list(pf.table["title"])
    assert labels is not None and plan in labels
    assert {t for t in titles if "Nästa steg" not in t and "Next Step" not in t} <= set(labels)  # the others keep their names alone
    parts: list = []
    original = pf_module.show
    pf_module.show = lambda *p: parts.extend(p)
    try:
        pf.charts()
    finally:
        pf_module.show = original
    said = [q for p in parts if isinstance(p, Text) for q in p.paragraphs]
    assert sum(caption in q for q in said) == 1
    # two projects that count the same outcomes: nothing to mark, no sentence
    alike = sample_portfolio(("kompassen-demo", "sprangbradan-demo"), lang)
    assert alike.chart_labels() is None
