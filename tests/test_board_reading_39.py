"""A board member's reading of the printed reports, round 39.

The assumptions table's new row "Ålder då besparingen upphör" gave Kompassen 67 år and Vägen ut 66 år while its
source listed three ages by year (65 till 2022, 66 2023–2025, 67 från 2026) and "inom 5 år efter avslutet" beside a
horizon of 3 år: a reader could not tell which age the calculation used, nor where the five years came from. The
source now says that each year is counted with the age in force then and that the value is the age the longest
horizon tested reaches after the last exit, in few enough words that Kompassen's printed assumptions table still
begins at the foot of its page (a longer wording moved the whole table to the next page, half a page left empty).
The English region's share of the tax named its source "SCB", where every other English source says Statistics
Sweden.
"""
from __future__ import annotations

import pandas as pd
import pytest

from .conftest import PARAMS, sample_report, shown_chunks


def _rule_age(year: int) -> int:
    """The age of äldreförsörjningsstöd in ``year`` as the row's own source states it (prop. 2021/22:181)."""
    return 65 if year <= 2022 else 66 if year <= 2025 else 67


def _row(pid: str, lang: str) -> pd.Series:
    from evaltools.present.sections.costbenefit import applicable_assumptions
    from evaltools.words.assumptions import assumptions_table
    r = sample_report(pid, lang)
    table = assumptions_table(applicable_assumptions(r.cba), lang)
    label = "Ålder då besparingen upphör" if lang == "sv" else "Age at which the saving ends"
    rows = table[table.iloc[:, 0] == label]
    assert len(rows) == 1
    return rows.iloc[0].astype(str).str.replace("\u00a0", " ")


def _last_exit_year(pid: str) -> int:
    # the sample's own participants file, read here without the toolkit's loader
    participants = pd.read_csv(PARAMS.parent / "data" / pid / "participants.csv")
    return int(pd.to_datetime(participants["end_date"]).max().year)


@pytest.mark.parametrize("pid, shown", [("kompassen-demo", "67 år"), ("timra-vagen-ut", "66 år")])
def test_the_age_row_says_which_year_its_value_is_for(pid, shown):
    # Both samples test the horizon from 1 to 5 years (the Tidshorisont row: 3 år, prövas 1–5 år). Kompassen's
    # last exit is in 2023: five years on is 2028, when the age is 67; Vägen ut's last is in 2019: 2024, when it
    # is 66. The source says so, in the years and words the row itself gives.
    row = _row(pid, "sv")
    value, source = row.iloc[1], row.iloc[3]
    assert value == shown == f"{_rule_age(_last_exit_year(pid) + 5)} år"
    assert ("prop. 2021/22:181, varje år den som gäller då (65 år till 2022, 66 år 2023–2025, riktåldern 67 år från "
            "2026); åldern i kolumnen är den som gäller 5 år efter det sista avslutet, den längsta tidshorisont som känslighetsanalysen prövar; ") in source
    # the count of those who reach it is still given for the same five years, after the value
    assert source.index("åldern i kolumnen") < source.index("inom 5 år efter avslutet")


def test_the_age_row_in_english():
    row = _row("kompassen-demo", "en")
    assert row.iloc[1] == "67 years"
    assert ("Government Bill 2021/22:181, each year the one in force then (65 until 2022, 66 in 2023–2025, the target "
            "retirement age, 67, from 2026); the age in the column is the one in force 5 years after the last exit, the longest horizon the sensitivity analysis tests; "
            "fewer than 5 of those who left") in row.iloc[3]


def test_the_english_tax_share_names_statistics_sweden():
    from evaltools.present.sections.costbenefit import applicable_assumptions
    from evaltools.words.assumptions import assumptions_table
    r = sample_report("kompassen-demo", "en")
    table = assumptions_table(applicable_assumptions(r.cba), "en")
    source = table[table.iloc[:, 0] == "The region's part of the tax"].iloc[0, 3]
    # the price year's row names the same agency in English: "(CPI, Statistics Sweden)"
    price_source = table[table.iloc[:, 0] == "Price year"].iloc[0, 3]
    assert "Statistics Sweden" in price_source
    assert "(Statistics Sweden, municipal tax rates 2025)" in source and "SCB" not in source


# --- the two ways to count the benefit: the simulated effect's range is the reference dates', not its interval ---

def _section_text(module, pid: str, lang: str) -> str:
    return " ".join(shown_chunks(module.blocks(sample_report(pid, lang)))).replace("\u00a0", " ")


@pytest.mark.parametrize("lang, interval, said", [
    ("sv", "95 % KI −2 814 kr till −2 158 kr",
     "I simuleringarna varierar effekten inom sitt intervall och dessutom med jämförelsepersonernas referensdatum, "
     "som när de flyttas ger skattningar mellan −3 505 kr och −1 046 kr (se bilagans avsnitt Jämförelsegruppens "
     "skattningar i detalj)"),
    ("en", "95% CI SEK −2,814 to SEK −2,158",
     "In the simulations the effect varies within its interval and also with the comparison persons' reference "
     "dates, which, when moved, give estimates between SEK −3,505 and SEK −1,046 (see the appendix's section The "
     "comparison group's estimates in detail)"),
])
def test_the_simulated_effects_range_is_said_to_come_from_the_reference_dates(lang, interval, said):
    from evaltools.present.sections import costbenefit, payments
    # Kompassen's effect is −2 486 kr with the interval −2 814 kr to −2 158 kr; its payments section says that moving
    # the comparison persons' reference dates gives estimates from −3 505 kr to −1 046 kr, wider than the interval.
    # The note said the effect varied "inom sitt intervall … (mellan −3 505 kr och −1 046 kr)", a range outside the
    # interval just given; it now says whose range that is and where it is explained (the appendix's part on the
    # comparison group's estimates, where the moved reference dates stand).
    cb = _section_text(costbenefit, "kompassen-demo", lang)
    assert interval in cb and cb.count(said) == 1
    low, high = ("−3 505 kr", "−1 046 kr") if lang == "sv" else ("SEK −3,505", "SEK −1,046")
    detail = " ".join(shown_chunks(payments.detail_blocks(sample_report("kompassen-demo", lang)))).replace("\u00a0", " ")
    assert f"{low} {'och' if lang == 'sv' else 'and'} {high}" in detail


# --- the payments section: households in the tables of amounts, persons in the share who left ---------------------

@pytest.mark.parametrize("lang, households, persons", [
    ("sv", "antalen i tabellerna med belopp nedan är hushåll", "Personer"),
    ("en", "the counts in the tables of amounts below are households", "Persons"),
])
def test_the_share_who_left_counts_persons_not_households(lang, households, persons):
    from evaltools.present.display import Table
    from evaltools.present.sections import payments
    # Kompassen: 180 participants in 159 households (page 1), 180 ended (the goal table), 540 comparison persons
    # in the comparison file with a status at follow-up. The section said "antalen i tabellerna nedan är hushåll"
    # and then showed the share who left with 180 and 540 under "Antal" beside tables of 159 and 487: the share
    # who left counts persons and now says so.
    r = sample_report("kompassen-demo", lang)
    comparison = pd.read_csv(PARAMS.parent / "data" / "kompassen-demo" / "comparison.csv")
    participants = pd.read_csv(PARAMS.parent / "data" / "kompassen-demo" / "participants.csv")
    blocks = payments.blocks(r)
    tables = [p for b in blocks for p in b if isinstance(p, Table)]
    shares = [tb for tb in tables if persons in tb.frame.columns]
    assert len(shares) == 1
    assert shares[0].frame[persons].tolist() == [str(participants["end_date"].notna().sum()),
                                                 str(comparison["outcome"].notna().sum())] == ["180", "540"]
    # the tables of amounts keep their count of households: Kompassen's 159 participating households
    count = "Antal" if lang == "sv" else "Number"
    counts = {tb.frame[count].iloc[0] for tb in tables if tb is not shares[0] and count in tb.frame.columns}
    assert counts == {str(participants["household_id"].nunique())} == {"159"}
    assert _section_text(payments, "kompassen-demo", lang).count(households) == 1


# --- the wage subsidy's months: said on page 1, now also where the assumptions are listed -------------------------

@pytest.mark.parametrize("lang, page_one, row", [
    ("sv", r"lönestödet är 12 000 kr i månaden i (\d+) månader per person i arbete med stöd",
     "; lönestödet räknas de första {} månaderna efter avslutet"),
    ("en", r"a wage subsidy of SEK 12,000 a month for (\d+) months per subsidised job",
     "; the subsidy is counted for the first {} months after the exit"),
])
def test_the_assumptions_say_for_how_long_the_wage_subsidy_is_counted(lang, page_one, row):
    import re

    from evaltools.present.sections import costbenefit, summary
    # Kompassen's page 1 says the state's result assumes a wage subsidy of 12 000 kr a month for 12 months (the
    # params' default, within the horizon of 3 år); the assumptions table gave the amount and not the months, though
    # "Alla antaganden står i tabellen". Its row, in the report and in the workbook's sheet, now gives both.
    said = re.search(page_one, _section_text(summary, "kompassen-demo", lang))
    assert said is not None and said.group(1) == "12"
    expected = row.format(said.group(1))
    assert expected in _section_text(costbenefit, "kompassen-demo", lang)
    r = sample_report("kompassen-demo", lang)
    sheet = r.key_tables()["antaganden"].set_index("name")
    assert str(sheet.loc["wage_subsidy_sek_month", "source"]).endswith(expected)
    assert not any(expected in str(s) for s in sheet.drop(index="wage_subsidy_sek_month")["source"])
    # the calculation's own list (what a notebook shows) says it too: one source, not a patch on the report's table
    from evaltools.words.labels import note_text
    own = r.cba.assumptions.set_index("name").loc["wage_subsidy_sek_month", "source"]
    assert note_text(own, lang).endswith(expected)


def test_a_subsidy_of_nothing_is_given_no_months():
    import evaltools as et

    from evaltools.present.sections.costbenefit import applicable_assumptions
    from evaltools.words.labels import note_text

    from .conftest import sample_project
    # at 0 kr a month the subsidy costs the state nothing however long it runs: its row says no months
    project = sample_project("kompassen-demo").with_params(cost_benefit={"wage_subsidy_sek_month": 0})
    r = et.Report(project, lang="sv")
    used = applicable_assumptions(r.cba).set_index("name")
    assert "lönestödet räknas" not in note_text(used.loc["wage_subsidy_sek_month", "source"], "sv")
