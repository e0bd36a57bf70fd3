"""The outcomes-by-group table leaves out a group whose every figure is hidden (a row of ".." tells the board
nothing) and says so under the table; a group with any figure shown keeps its row, and one of marks only ("..",
"<5") is left out too: one rule for when a group's row is shown."""
from __future__ import annotations

from evaltools.present.display import Table
from evaltools.present.sections import outcomes

from .conftest import sample_report


def _rate_table(r) -> Table:
    return [b for g in outcomes.blocks(r) for b in g if isinstance(b, Table) and "Kategori" in b.frame.columns][0]


def test_a_row_of_marks_only_is_left_out_and_the_note_says_so():
    r = sample_report("nasta-steg", "sv")
    raw = r.rates.table  # the analysis' rows: (variable, category) with counts or marks
    # by the analysis' own marks: a row stays when its count, successes or rate is a number
    def kept(row):
        return any(not isinstance(v, str) for v in (row.n, row.successes, row.rate))
    expected = sum(kept(row) for row in raw.itertuples())
    assert expected < len(raw)  # (Nästa steg hides whole groups: the case this is about)
    table = _rate_table(r)
    assert len(table.frame) == expected
    assert not any(set(row[2:5]) <= {"..", "<5"} for row in table.frame.itertuples(index=False))
    # Nästa steg's "Sambo utan barn <5 <5 .." is left out with the other household types, and the note says so
    assert any(row.n == "<5" and row.category == "sambo_utan_barn" for row in raw.itertuples())
    assert not any("Sambo utan barn" in str(c) for c in table.frame.iloc[:, 1])
    # (the chart above the table draws the same rows: the note speaks of both)
    assert table.notes[-1] == ("Grupper där alla siffror är dolda, och uppdelningar där ingen grupps andel visas, står varken i tabellen eller i "
                              "diagrammet.")


def test_a_breakdown_none_of_whose_groups_shows_its_share_is_left_out_whole():
    """Specialistteamet's intake years: years 1 and 2 are hidden whole and year 3 shows only its 25 ended beside
    ".." — under the heading "Projektår för start" a row that tells the board nothing of the share the table is
    about. The breakdown is left out, and the note on hidden groups names its years."""
    r = sample_report("eskilstuna-specialistteamet", "sv")
    raw = r.rates.table
    years = raw[raw["variable"] == "project_year"]
    assert len(years) and all(isinstance(v, str) for v in years["rate"])  # (the case: no year's share shown)
    assert any(not isinstance(v, str) for v in years["n"])  # (and one year's number ended shown)
    table = _rate_table(r)
    assert not any("Projektår" in str(c) for c in table.frame.iloc[:, 0])
    # every other breakdown keeps each group that shows a figure
    others = raw[raw["variable"] != "project_year"]
    kept = sum(any(not isinstance(v, str) for v in (row.n, row.successes, row.rate)) for row in others.itertuples())
    assert len(table.frame) == kept
    assert table.notes[-1].startswith("Grupper där alla siffror är dolda, och uppdelningar")


def test_a_table_without_such_rows_keeps_every_row_and_says_nothing_of_it():
    r = sample_report("kompassen-demo", "sv")  # (every group of Kompassen's 14 shows a figure)
    table = _rate_table(r)
    assert len(r.rates.table) == 14 and len(table.frame) == 14
    assert "Grupper där alla siffror är dolda, och uppdelningar där ingen grupps andel visas, står inte i tabellen." not in table.notes


def test_a_portfolio_name_whose_title_ends_in_a_bracket_gets_its_tags_in_that_bracket():
    from evaltools.present.portfolio import tagged_name
    assert (tagged_name("Samverkan i praktiken (fiktivt exempel)", "structural", "sv", draft=True)
            == "Samverkan i praktiken (fiktivt exempel; strukturinriktad, utkast)")
    assert tagged_name("Kompassen (fiktivt exempel)", "results", "sv") == "Kompassen (fiktivt exempel)"
    # a bracket inside the title is left alone
    assert tagged_name("Steg (1) framåt", "ex_ante", "sv") == "Steg (1) framåt (förhandsbedömning)"
