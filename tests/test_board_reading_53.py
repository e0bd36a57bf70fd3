"""Page by page as the board reads the smaller samples, a fifty-third time, in Swedish and in English: the
application, the short project Nästa steg, the structural project Samverkan and the portfolio. The goal table's intro
explained its partial band with an equals sign ("Delvis uppnått = minst 80 % av målvärdet"), a formula where the
writing rules ask for a sentence, and the application's intro named a verdict, "Delvis", that none of its rows
shows (they read "Nås delvis med ansökans volymer"). The table of shares per group repeated a breakdown's test
of a difference between its groups on each group's row (Nästa steg's "År 1 … 0,906 1,000" and "År 2 … 0,906
1,000"), read as a test of each group: the test now stands once, on the row naming the breakdown. Expected
values are worked out by hand from the samples' files in the comments, not taken from the code's output.
"""
from __future__ import annotations

import csv
from collections import Counter

import pytest
from scipy import stats

from evaltools.present.display import Table
from evaltools.present.sections import goals, outcomes

from .conftest import ROOT, sample_report, shown_chunks


def _sentences(blocks) -> list[str]:
    return [c.replace("\u00a0", " ") for c in shown_chunks(blocks)]


# --- 1. the partial band said in words, with the verdict's own name ------------------------------------------------

@pytest.mark.parametrize("pid, lang, said", [
    # Nästa steg and Samverkan keep the default partial band, 80 % of the target (params: no partial_band), and
    # their rows say "Delvis uppnått" (Nästa steg's share 74,3 % of 80 %; Samverkan's contact goal)
    ("nasta-steg", "sv", "Delvis uppnått betyder minst 80 % av målvärdet."),
    ("samverkan-i-praktiken", "en", "Partly achieved means at least 80% of the target."),
    # the application's rows are verdicts on its expected volumes: "Nås delvis med ansökans volymer" would be
    # the partial one, so the intro names that verdict, not "Delvis"
    ("eskilstuna-ansokan", "sv", "Nås delvis betyder att volymerna är minst 80 % av målvärdet."),
    ("eskilstuna-ansokan", "en", "Partly met means volumes of at least 80% of the target."),
])
def test_the_goal_intro_says_the_partial_band_in_words(pid, lang, said):
    [intro] = [c for c in _sentences(goals.blocks(sample_report(pid, lang)))
               if c.startswith(("Ansökans mätbara mål", "The application's measurable goals"))]
    assert said in intro
    assert " = " not in intro  # no formula in a sentence (docs/skrivregler.md: "Rubriker och kolumner i ord")


# --- 2. a breakdown's test said once, on the row naming the breakdown ---------------------------------------------

def _nasta_steg_plans_by_year() -> list[list[int]]:
    """Nästa steg's ended participants (an end date by the project's end, 2024-12-31) by project year of start
    (year 1 is 2023), [with a documented plan, without], counted from the participants file."""
    counts: Counter = Counter()
    with open(ROOT / "data" / "nasta-steg" / "participants.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["end_date"] and row["end_date"] <= "2024-12-31":
                counts[(1 if row["start_date"] < "2024-01-01" else 2, row["action_plan"] == "ja")] += 1
    return [[counts[(y, True)], counts[(y, False)]] for y in (1, 2)]


@pytest.mark.parametrize("lang, heading, raw", [
    ("sv", "Projektår för start (p = {p}, p justerat = ", "{p:.3f}"),
    ("en", "Project year of intake (p = {p}, p adjusted = ", "{p:.3f}"),
])
def test_nasta_stegs_breakdown_says_its_test_once_above_its_groups(lang, heading, raw):
    table_counts = _nasta_steg_plans_by_year()
    assert table_counts == [[29, 11], [23, 7]]  # 40 ended in year 1, 30 in year 2: the 70 of page 1
    # every expected count is above 5, so the test is chi-square with Yates' correction (as Timrå's): p = 0,906
    p = stats.chi2_contingency(table_counts).pvalue
    said = raw.format(p=p).replace(".", "," if lang == "sv" else ".")
    r = sample_report("nasta-steg", lang)
    [table] = [b for part in outcomes.blocks(r) for b in part if isinstance(b, Table) and b.group]
    names = list(dict.fromkeys(table.frame[table.group]))
    assert len(names) == 1 and names[0].startswith(heading.format(p=said))  # one breakdown shown, its test in it
    # no column repeats the test on each group's row
    assert not any(c.startswith(("p-värde", "p justerat", "p-value", "p adjusted")) for c in table.frame.columns)
    assert not any(said in str(v) for v in table.frame.drop(columns=table.group).to_numpy().ravel())


def test_a_breakdown_with_a_hidden_group_is_named_without_a_test():
    # a breakdown whose test is not shown (a group it compares is hidden: no p) is named alone, no empty brackets
    assert outcomes.breakdown_heading("Kön", float("nan"), float("nan"), "sv", lambda *a, **k: "unused") == "Kön"
