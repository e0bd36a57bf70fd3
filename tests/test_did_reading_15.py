"""One figure, one definition, where the check before the start fails: no robustness row beside the
main DiD estimate may read as evidence of an effect. Språngbrädan's report gave the main estimate
(−129 kr, an interval spanning zero) and, below it, a "mean effect from the start" of −1 397 kr whose
interval "excluded zero", in a report that says the comparison cannot be trusted.

The project here is built by hand in tmp_path: ten participants (one household each) who all start in
July 2022 and twenty comparison persons with the same reference date. The comparison persons are paid
8 000 kr every month; the participants 8 000 kr too, except 9 000 kr in month −5 and 10 000 kr in month
−4 (a need peak the comparison group does not share), each with ±300 kr that cancels over the ten in
every month. Expected words come from the catalogs' sentences written out here, not from the code.
"""
from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

import evaltools as et
from evaltools.analysis.comparison import DidEstimate
from evaltools.analysis.honest import Bound, HonestBounds
from evaltools.analysis.staggered import Agreement, StaggeredEstimate
from evaltools.present.sections import designs

from .conftest import participants_frame, write_csv

START = "2022-07"
UNRELIABLE = {"sv": "Inte tillförlitlig: grupperna skilde sig åt redan före start",
              "en": "Not reliable: the groups already differed before the start"}


def _month(offset: int) -> str:
    """The calendar month ``offset`` months from July 2022 (−12: 2021-07, +12: 2023-07)."""
    y, m = divmod(2022 * 12 + 6 + offset, 12)
    return f"{y}-{m + 1:02d}"


@pytest.fixture
def needpeak(tiny_project):
    """The params of the hand-built project whose participants' payments peak before the start."""
    data = tiny_project.dir / "data"
    rows = [(f"P{i}", "kvinna", 1980, "ensamstående", "2022-07-01", "2022-12-01", "arbete") for i in range(10)]
    write_csv(data / "participants.csv", participants_frame(rows))
    write_csv(data / "comparison.csv", participants_frame(
        [(f"C{i}", "man", 1975, "ensamstående", "2022-07-01", "2023-06-30", "kvar_försörjningsstöd")
         for i in range(20)]))
    peak = {-5: 1000, -4: 2000}  # (months −3 to −1, the anticipation window, are left out of the DiD)
    offsets = range(-12, 13)
    write_csv(data / "payments.csv", [
        {"person_id": f"P{i}", "month": _month(e), "amount": 8000 + peak.get(e, 0) + (300 if (i + e) % 2 else -300)}
        for i in range(10) for e in offsets])
    write_csv(data / "comparison_payments.csv", [
        {"person_id": f"C{i}", "month": _month(e), "amount": 8000 + (300 if (i + e) % 2 else -300)}
        for i in range(20) for e in offsets])
    return tiny_project(data_block=(
        "data:\n  participants: data/participants.csv\n  payments: data/payments.csv\n  budget: data/budget.csv\n"
        "  comparison: {persons: data/comparison.csv, payments: data/comparison_payments.csv}\n"))


def _report(params, lang):
    """The report with the sensitivity bounds given (so that no optional extra is needed): a mean effect of
    −1 000 kr whose intervals all exclude zero, as Språngbrädan's did up to a bend of 52 kr."""
    r = et.Report(params, lang=lang)
    r.__dict__["honest"] = HonestBounds(-1000.0, -1100.0, -900.0, (Bound(0.0, -1200.0, -800.0),
                                                                  Bound(26.0, -1500.0, -100.0)), -4, 8, 16)
    return r


def test_the_hand_built_projects_check_before_the_start_fails_and_its_estimate_is_the_hand_difference(needpeak):
    pay = et.Report(needpeak).payments
    assert pay.placebo.rejects and pay.parallel_trends_doubtful
    # before (months −12 to −4): participants (7 × 8 000 + 9 000 + 10 000) / 9 = 8 333,33 kr, after (0 to 12)
    # 8 000 kr; the comparison persons 8 000 kr throughout: −333,33 kr, a need peak and no effect
    assert pay.did.effect == pytest.approx(8000 - (7 * 8000 + 9000 + 10000) / 9, abs=0.5)
    # the placebo: the later half of months −12 to −4, i.e. −3 − (12 − 3) // 2 = month −7 on, against the earlier:
    # (2 × 8 000 + 9 000 + 10 000) / 4 − 8 000 = +750 kr
    assert pay.placebo.effect == pytest.approx(750, abs=0.5)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_robustness_table_says_once_that_no_row_is_reliable_and_why(needpeak, lang):
    r = _report(needpeak, lang)
    [table] = designs.robustness_blocks(r)
    # the main estimate and the Sun–Abraham row: both rest on the same comparison, so no column repeats one verdict
    # on every row; the note under the table says it once
    assert len(table.frame) == 2 and len(table.frame.columns) == 3
    assert not any(UNRELIABLE[lang] in str(c) for c in table.frame.to_numpy().ravel())
    # (why the comparison fails is said once, at the check before the start: the note points to it)
    lead = {"sv": "Alla raderna bygger på samma jämförelsegrupp, och den klarar inte kontrollen före start (avsnittet om "
                  "försörjningsstöd): "
                  "ingen av skattningarna är tillförlitlig, och inget av intervallen visar att projektet hade en "
                  "effekt.",
            "en": "Every row rests on the same comparison group, which fails the check before the start (the section on "
                  "social assistance): "
                  "none of the estimates is reliable, and none of the intervals shows that the project had an "
                  "effect."}[lang]
    assert table.notes[0].startswith(lead)


@pytest.mark.parametrize("lang, column, sentence", [
    ("sv", "95 % KI för medeleffekten från start, mot månad −4",
     "Hur mycket tål resultatet att gruppernas trender inte hade följts åt? Tabellen nedan gäller ett annat mått "
     "än huvudskattningen: medeleffekten från start (−1 000 kr per hushåll och månad, mot månad −4), med intervall "
     "som tillåter att skillnaden mellan gruppernas trender efter start böjer av från en rak förlängning av "
     "förloppet före start."),
    ("en", "95% CI of the mean effect from the start, against month −4",
     "How robust is the result if the groups' trends did not move together? The table below is about a different "
     "measure from the main estimate: the mean effect from the start (SEK −1,000 per household and month, against "
     "month −4), with intervals that allow the difference between the groups' trends after the start to bend away "
     "from a straight continuation of its course before the start."),
])
def test_the_bounds_table_names_its_own_measure_and_reads_as_no_evidence(needpeak, lang, column, sentence):
    r = _report(needpeak, lang)
    text, table = designs.honest_blocks(r)
    said = text.paragraphs[0].replace("\u00a0", " ")
    # what the table measures (another quantity, against month −4: the anticipation window is 3 months) ...
    assert said.startswith(sentence)
    # ... and no breakdown value: every interval given excludes zero, yet none is read as showing an effect
    assert ("utesluter" not in said) if lang == "sv" else ("excludes" not in said)
    assert ("26 kr" not in said) if lang == "sv" else ("SEK 26" not in said)  # (the largest bend tried)
    assert list(table.frame.columns)[1].replace("\u00a0", " ") == column
    # three intervals (parallel trends, M = 0, M = 26), none marked "ja"/"yes" (excludes zero): no third column, the
    # note below says once that none is reliable
    assert len(table.frame) == 3 and len(table.frame.columns) == 2
    none = {"sv": "Inget av intervallen är tillförlitligt, och inget visar en effekt, inte heller ett som utesluter "
                  "noll: se kontrollen före start i avsnittet om försörjningsstöd.",
            "en": "No interval here is reliable, and none shows an effect, not even one that excludes zero: see the "
                  "check before the start in the section on social assistance."}[lang]
    assert table.notes[0].startswith(none)


def test_a_robust_row_is_never_called_the_safer_estimate_where_the_check_fails(needpeak):
    r = _report(needpeak, "sv")
    main = DidEstimate(-333.0, 50.0, -433.0, -233.0, 0.0, 30, 10)
    r.__dict__["staggered"] = StaggeredEstimate(-900.0, 30.0, -960.0, -840.0, 0.0, 1, pd.DataFrame(),
                                                pd.DataFrame(), main, Agreement.SIZE_DIFFERS)
    assert designs.staggered_sentences(r) == []
    said = " ".join(q for part in designs.robustness_blocks(r) for q in part.notes)
    assert "säkrare" not in said


@pytest.mark.parametrize("lang, tail", [
    ("sv", "Också den bygger på jämförelsegruppen, som skilde sig från deltagarna redan före start, så den är inte "
           "heller tillförlitlig."),
    ("en", "It too rests on the comparison group, which already differed from the participants before the start, so "
           "it is not reliable either."),
])
def test_the_weighted_comparison_group_is_not_reliable_either(needpeak, lang, tail):
    r = _report(needpeak, lang)
    r.__dict__["weighting"] = SimpleNamespace(effect=-700.0, ci_low=-900.0, ci_high=-500.0, balanced=True,
                                              balance=pd.DataFrame({"smd_after": np.zeros(1)}))
    [sentence] = designs.weighting_sentences(r)
    assert sentence.endswith(tail)
    [table] = designs.robustness_blocks(r)
    # main, Sun–Abraham, weighted: three rows, and the note under them says once that none is reliable
    assert len(table.frame) == 3 and not any(UNRELIABLE[lang] in str(c) for c in table.frame.to_numpy().ravel())
    said = {"sv": "ingen av skattningarna är tillförlitlig", "en": "none of the estimates is reliable"}[lang]
    assert said in table.notes[0]


@pytest.mark.parametrize("lang, main, mean", [("sv", "330 kr", "1 000 kr"), ("en", "SEK 330", "SEK 1,000")])
def test_page_one_quotes_the_main_estimate_never_a_robustness_row(needpeak, lang, main, mean):
    r = _report(needpeak, lang)
    findings = [x.replace("\u00a0", " ") for x in r.key_findings()]
    # the comparison's sentence on page 1: the main estimate, −333 kr, said as a person says it
    [did] = [x for x in findings if x.startswith(("Jämfört med jämförelsegruppens", "Relative to the trend in the comparison group"))]
    assert main in did
    assert mean not in did and "Sun" not in did


def test_where_the_check_passes_the_rows_are_as_before(tiny_project):
    # the same project without the need peak: the participants' payments fall by 3 000 kr from the start month
    # (a real effect); the check passes, so the tables keep their "ja" and no reliability column
    data = tiny_project.dir / "data"
    rows = [(f"P{i}", "kvinna", 1980, "ensamstående", "2022-07-01", "2022-12-01", "arbete") for i in range(10)]
    write_csv(data / "participants.csv", participants_frame(rows))
    write_csv(data / "comparison.csv", participants_frame(
        [(f"C{i}", "man", 1975, "ensamstående", "2022-07-01", "2023-06-30", "kvar_försörjningsstöd")
         for i in range(20)]))
    write_csv(data / "payments.csv", [
        {"person_id": f"P{i}", "month": _month(e), "amount": (5000 if e >= 0 else 8000) + (300 if (i + e) % 2 else -300)}
        for i in range(10) for e in range(-12, 13)])
    write_csv(data / "comparison_payments.csv", [
        {"person_id": f"C{i}", "month": _month(e), "amount": 8000 + (300 if (i + e) % 2 else -300)}
        for i in range(20) for e in range(-12, 13)])
    params = tiny_project(data_block=(
        "data:\n  participants: data/participants.csv\n  payments: data/payments.csv\n  budget: data/budget.csv\n"
        "  comparison: {persons: data/comparison.csv, payments: data/comparison_payments.csv}\n"))
    r = _report(params, "sv")
    assert not r.payments.parallel_trends_doubtful
    assert r.payments.did.effect == pytest.approx(-3000, abs=0.5)  # 5 000 − 8 000 against no change
    [table] = designs.robustness_blocks(r)
    assert [c.replace("\u00a0", " ") for c in table.frame.columns] == ["Skattning", "Effekt per hushåll och månad", "95 % KI"]
    _, bounds = designs.honest_blocks(r)
    assert list(bounds.frame.iloc[:, 2]) == ["ja", "ja", "ja"]  # (−1 100 to −900, −1 200 to −800, −1 500 to −100)


def test_the_workbook_carries_the_robustness_row_marked_as_the_main_estimate_is(needpeak):
    effect = et.Report(needpeak, lang="sv").key_tables()["forsorjningsstod_effekt"].set_index("estimate")
    assert list(effect.index) == ["did", "placebo", "staggered"]
    # one intake cohort, every participant-month weighted alike: the Sun–Abraham estimate is the same difference of
    # means as the main one, 8 000 − 8 333,33 = −333,33 kr (both over months 0 to 12 against months −12 to −4)
    assert effect.loc["staggered", "effect"] == pytest.approx(8000 - (7 * 8000 + 9000 + 10000) / 9, abs=0.5)
    assert effect.loc["did", "unreliable"] is True and effect.loc["staggered", "unreliable"] is True
