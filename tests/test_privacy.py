import pandas as pd

from evaltools.data.privacy import suppress_crosstab, suppress_long, suppression_mask


def test_primary_and_secondary_suppression_in_a_breakdown():
    # sex: 30 and 3 of 33; the total 33 is published, so 30 would reveal the 3
    t = pd.DataFrame({"variable": ["sex", "sex"], "category": ["k", "m"], "n": [30, 3], "share": [0.91, 0.09]})
    out = suppress_long(t, "n", "variable", 5, ("share",))
    # the small cell reads "<5"; the one hidden to protect it reads ".." (it is not small)
    assert out["n"].tolist() == ["..", "<5"] and out["share"].tolist() == ["..", ".."]


def test_zero_is_shown_and_large_cells_stay():
    t = pd.DataFrame({"variable": ["a"] * 3, "category": list("xyz"), "n": [0, 12, 9]})
    assert suppress_long(t, "n", "variable", 5)["n"].tolist() == [0, 12, 9]


def test_second_small_cell_protects_the_first():
    t = pd.DataFrame({"variable": ["a"] * 3, "category": list("xyz"), "n": [2, 3, 40]})
    assert suppress_long(t, "n", "variable", 5)["n"].tolist() == ["<5", "<5", 40]


def test_crosstab_secondary_suppression_leaves_no_line_with_one_hidden_cell():
    counts = pd.DataFrame({"a": [10, 3, 12, 8], "b": [6, 7, 20, 9], "c": [15, 11, 14, 2]})
    mask = suppression_mask(counts, 5)
    assert mask.loc[1, "a"] and mask.loc[3, "c"]
    assert all(mask[c].sum() != 1 for c in mask.columns)
    assert all(mask.loc[i].sum() != 1 for i in mask.index)
    shown = suppress_crosstab(counts, 5)
    assert ((shown == "<5") | (shown == "..")).sum().sum() == mask.sum().sum()
    assert shown.loc[1, "a"] == "<5" and (shown[mask & (counts >= 5)] == "..").sum().sum() == (mask & (counts >= 5)).sum().sum()


def test_threshold_is_a_parameter():
    t = pd.DataFrame({"variable": ["a"] * 2, "category": ["x", "y"], "n": [7, 30]})
    assert suppress_long(t, "n", "variable", 10)["n"].tolist() == ["<10", ".."]
    assert suppress_long(t, "n", "variable", 5)["n"].tolist() == [7, 30]


def test_a_published_subtotal_is_a_line_too():
    import pandas as pd

    from evaltools.data.privacy import suppression_mask
    counts = pd.DataFrame({"n": [10, 3, 8, 7]})
    # the column total alone: the 3 and the next-smallest, the 7
    assert suppression_mask(counts, 5)["n"].tolist() == [False, True, False, True]
    # rows 0 and 1 also have a published sum (say, one project year): the 10 must go with the 3
    assert suppression_mask(counts, 5, lines=[([0, 1], 0)])["n"].tolist() == [True, True, False, True]


def test_quarterly_flows_cannot_be_recovered_from_the_project_years():
    # Specialistteamet starts 2024-04-01, so each project year is four whole quarters, and the report
    # publishes the intake of each project year (composition and goals): within a year no quarter may be
    # the only one hidden
    import evaltools as et
    from evaltools.analysis.cohorts import _whole_periods_in_years

    from .conftest import PARAMS
    project = et.load_project(PARAMS / "eskilstuna-specialistteamet.yaml")
    f = et.flows(project, freq="Q")
    years = _whole_periods_in_years(pd.PeriodIndex(f.raw["month"], freq="Q"), project.params)
    assert [list(f.raw["month"].iloc[y]) for y in years][2] == ["2026Q2", "2026Q3", "2026Q4"]
    for rows in years:
        for col in ("intake", "exits"):
            hidden = [v for v in f.table[col].iloc[rows] if isinstance(v, str)]
            assert len(hidden) != 1, (col, list(f.table[col].iloc[rows]))
    # year 3's intake: 22 + 23 + a small number = 49 in the composition; the small one is hidden with another
    assert f.table["intake"].iloc[years[2]].tolist().count("<5") == 1
