"""Sixth sweep of projects unlike the samples: projects of several municipalities of one förbund, a
family project where participants share one household's försörjningsstöd, and a project co-financed
by an EU fund with a region as its owner. Each fixture is a tiny project written in tmp_path; expected
values are worked out by hand from the rows written here."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.data.errors import DataValidationError
from evaltools.present.sections import budget as budget_section
from evaltools.present.sections import facts
from evaltools.present.sections import participants as participants_section
from evaltools.present.sections import summary
from evaltools.words.labels import note_text

from .conftest import write_csv
from .test_unseen_projects import _params, _person

# fixed level 9 000 kr a month in the price year, one year, no deadweight, no discounting: a leaver saves
# 12 × 9 000 = 108 000 kr
FAMILY = """\
    kind: individ
    period: {start: 2024-01-01, planned_end: 2025-12-31}
    data: {participants: data/participants.csv}
    cost_benefit:
      price_year: 2024
      monthly_level: {method: fixed, amount_sek: 9000, amount_year: 2024, source: beslut i Testkommun}
      horizon_years: 1
      deadweight: 0
      discount_rate: 0
    """


def _family(tmp_path, *, household_ids: bool) -> None:
    """U001 and U002 are the two adults of one household (H1) and both leave for work; U003 lives alone
    (H2) and leaves for work; U004 (H3) stays on försörjningsstöd."""
    rows = [_person(1, start="2024-02-01", end="2024-06-30"), _person(2, start="2024-02-01", end="2024-08-31"),
            _person(3, start="2024-03-01", end="2024-09-30"),
            _person(4, start="2024-03-01", end="2024-09-30", outcome="kvar_försörjningsstöd")]
    for r, hh in zip(rows, ["H1", "H1", "H2", "H3"]):
        r["support_start"] = "försörjningsstöd"
        r["household_type"] = "sambo_med_barn" if hh == "H1" else "ensamstående"
        if household_ids:
            r["household_id"] = hh
    write_csv(tmp_path / "data/participants.csv", rows)


# --- one household's försörjningsstöd is saved once, however many of its adults leave -------------
def test_two_adults_of_one_household_who_leave_save_its_forsorjningsstod_once(tmp_path):
    _family(tmp_path, household_ids=True)
    r = et.cost_benefit(et.load_project(_params(tmp_path, FAMILY)), monte_carlo=False, effect=False)
    # three leavers in two households: H1 (U001 first, U002 adds nothing) and H2: 2 × 108 000
    assert r.summary.pv_avoided_fs == pytest.approx(2 * 12 * 9000)
    level = r.assumptions.set_index("name").loc["monthly_level"]
    assert level["value"] == pytest.approx(9000)  # the level of a household that leaves is unchanged
    sv, en = note_text(level["source"], "sv"), note_text(level["source"], "en")
    # one person left out is a count under 5: said as "fewer than 5", never "1"
    assert "per hushåll" in sv and "färre än 5" in sv and "1 som" not in sv
    assert "per household" in en and "fewer than 5" in en


def test_without_household_ids_each_leaver_is_their_own_household(tmp_path):
    _family(tmp_path, household_ids=False)
    r = et.cost_benefit(et.load_project(_params(tmp_path, FAMILY)), monte_carlo=False, effect=False)
    assert r.summary.pv_avoided_fs == pytest.approx(3 * 12 * 9000)
    level = r.assumptions.set_index("name").loc["monthly_level"]
    assert "hushåll" not in note_text(level["source"], "sv")


# --- an EU fund's money: written as funder 'eu', booked on the state ------------------------------
EU = """\
    kind: individ
    period: {start: 2024-01-01, planned_end: 2024-12-31}
    data: {participants: data/participants.csv, budget: data/budget.csv}
    cost_benefit: {price_year: 2024, discount_rate: 0, deadweight: 0}
    reference: {kpi: {2023: 100, 2024: 100, 2025: 100}}
    """


def test_an_eu_funds_budget_line_is_the_states_cost_not_shared_as_the_forbunds(tmp_path):
    write_csv(tmp_path / "data/participants.csv",
              [_person(i, start="2024-02-01", end="2024-08-31") for i in range(1, 6)])
    write_csv(tmp_path / "data/budget.csv", [
        {"period": "2024", "category": "Personal", "budget": 800000, "actual": 800000, "funder": "förbund"},
        {"period": "2024", "category": "Personal (ESF+)", "budget": 400000, "actual": 400000, "funder": "eu"},
        {"period": "2024", "category": "Handledare", "budget": 100000, "actual": 100000, "funder": "region"}])
    r = et.cost_benefit(et.load_project(_params(tmp_path, EU)), monte_carlo=False, effect=False)
    cost = r.ledger[r.ledger["item"] == "projektkostnad"].set_index("actor")["pv"]
    # förbund 800 000 by the Finsam shares: state 400 000, region and municipality 200 000 each; the EU
    # fund's 400 000 on the state; the region's own 100 000 on the region
    assert -cost["stat"] == pytest.approx(400_000 + 400_000)
    assert -cost["region"] == pytest.approx(200_000 + 100_000)
    assert -cost["kommun"] == pytest.approx(200_000)


@pytest.mark.parametrize(("lang", "said"), [("sv", "menar du 'eu'?"), ("en", "did you mean 'eu'?")])
def test_an_eu_fund_written_by_its_name_is_refused_with_the_code_to_write(tmp_path, lang, said):
    write_csv(tmp_path / "data/participants.csv", [_person(1, start="2024-02-01", end="2024-08-31")])
    write_csv(tmp_path / "data/budget.csv", [
        {"period": "2024", "category": "Personal", "budget": 800000, "actual": 800000, "funder": "förbund"},
        {"period": "2024", "category": "Personal", "budget": 300000, "actual": 300000, "funder": "ESF"},
        {"period": "2024", "category": "Coach", "budget": 100000, "actual": 100000, "funder": "Europeiska socialfonden"}])
    with pytest.raises(DataValidationError) as e:
        et.load_project(_params(tmp_path, EU), lang=lang)
    text = str(e.value)
    # both lines at once, each with its row as Excel counts (header row 1), column and value
    for row, value in ((3, "ESF"), (4, "Europeiska socialfonden")):
        line = next(x for x in text.splitlines() if f"'{value}'" in x)
        assert f"{'rad' if lang == 'sv' else 'row'} {row}" in line and "'funder'" in line and said in line
    assert "Traceback" not in text


@pytest.mark.parametrize(("lang", "said"), [("sv", "EU-medel räknas som statens kostnad"),
                                            ("en", "EU funds count as the state's cost")])
def test_the_budget_table_says_whose_cost_the_eu_funds_are(tmp_path, lang, said):
    write_csv(tmp_path / "data/participants.csv",
              [_person(i, start="2024-02-01", end="2024-08-31") for i in range(1, 6)])
    write_csv(tmp_path / "data/budget.csv", [
        {"period": "2024", "category": "Personal", "budget": 800000, "actual": 800000, "funder": "förbund"},
        {"period": "2024", "category": "Personal (ESF+)", "budget": 400000, "actual": 400000, "funder": "eu"}])
    r = et.Report(et.load_project(_params(tmp_path, EU)), lang=lang)
    [[_, table, _]] = budget_section.blocks(r)
    assert any(said in n for n in table.notes)
    assert (lang == "sv") == ("EU-medel" in table.frame.to_string())  # the funder's label in the report's language
    # a budget without EU money keeps the note as it was
    write_csv(tmp_path / "data/budget.csv", [
        {"period": "2024", "category": "Personal", "budget": 800000, "actual": 800000, "funder": "förbund"},
        {"period": "2024", "category": "Handledare", "budget": 100000, "actual": 100000, "funder": "region"}])
    r = et.Report(et.load_project(_params(tmp_path, EU)), lang=lang)
    [[_, table, _]] = budget_section.blocks(r)
    assert not any(said in n for n in table.notes) and table.notes


# --- a project of several municipalities: who took part, and who succeeded, by municipality --------
SEVERAL = """\
    kind: individ
    period: {start: 2024-01-01, planned_end: 2025-12-31}
    data: {participants: data/participants.csv}
    """


def _municipalities(tmp_path, towns: list[tuple[str, int, int]]) -> None:
    """For each (municipality, persons, of whom leave for work): the others drop out."""
    rows, i = [], 0
    for town, n, work in towns:
        for j in range(n):
            i += 1
            rows.append({**_person(i, start="2024-02-01", end="2024-08-31",
                                   outcome="arbete" if j < work else "avbrott"), "municipality": town})
    write_csv(tmp_path / "data/participants.csv", rows)


def test_participants_and_their_success_are_broken_down_by_municipality_when_there_are_several(tmp_path):
    _municipalities(tmp_path, [("Norrby", 10, 5), ("Söderby", 10, 7), ("Västerby", 6, 2)])
    project = et.load_project(_params(tmp_path, SEVERAL))
    comp = et.composition(project).table
    towns = comp[comp["variable"] == "municipality"].set_index("category")["n"].to_dict()
    assert towns == {"Norrby": 10, "Söderby": 10, "Västerby": 6}
    rates = et.outcome_rates(project).raw
    by_town = rates[rates["variable"] == "municipality"].set_index("category")
    # by hand: Norrby 5 of 10, Söderby 7 of 10, Västerby 2 of 6 left for work
    assert by_town["n"].to_dict() == {"Norrby": 10, "Söderby": 10, "Västerby": 6}
    assert by_town["successes"].to_dict() == {"Norrby": 5, "Söderby": 7, "Västerby": 2}
    # the report's table names the breakdown in the report's language
    table = participants_section.blocks(et.Report(project, lang="en"))[0][2].frame
    assert list(table[table.iloc[:, 0] == "Municipality"].iloc[:, 1]) == ["Norrby", "Söderby", "Västerby"]


def test_a_project_of_one_municipality_has_no_breakdown_by_municipality_and_no_note_about_it(tmp_path):
    _municipalities(tmp_path, [("Norrby", 10, 5)])
    project = et.load_project(_params(tmp_path, SEVERAL))
    assert "municipality" not in set(et.composition(project).table["variable"])
    assert "municipality" not in set(et.outcome_rates(project).raw["variable"])
    r = et.Report(project)
    assert not any("kommun" in n.lower() for n in participants_section.unknown_note(r))


@pytest.mark.parametrize(("lang", "several", "one"), [
    ("sv", "kommunerna tillsammans vinner", "kommunen vinner"),
    ("en", "the municipalities together gain", "the municipality gains")])
def test_page_one_says_the_municipalities_gain_together_when_there_are_several(tmp_path, lang, several, one):
    # ten leave for work with a saving far above the small budget, so the municipal side gains
    body = SEVERAL.replace("data: {participants: data/participants.csv}",
                           "data: {participants: data/participants.csv, budget: data/budget.csv}\n"
                           "    cost_benefit: {price_year: 2024}")
    write_csv(tmp_path / "data/budget.csv", [{"period": "2024", "category": "Personal", "budget": 50000,
                                             "actual": 50000}])
    # (five in each who drop out: with 1-4 who did not leave, the count of exits would be withheld and the calculation
    # a range, tests/test_small_counts_23.py)
    _municipalities(tmp_path, [("Norrby", 10, 5), ("Söderby", 10, 5)])
    r = et.Report(et.load_project(_params(tmp_path, body)), lang=lang)
    said = summary.who_gains_pays(r, r.cba.table.set_index("perspective"))
    assert said.startswith(several)
    _municipalities(tmp_path, [("Norrby", 20, 10)])
    r = et.Report(et.load_project(_params(tmp_path, body)), lang=lang)
    assert summary.who_gains_pays(r, r.cba.table.set_index("perspective")).startswith(one)


@pytest.mark.parametrize(("lang", "label"), [("sv", "Beviljat av samordningsförbundet"),
                                             ("en", "Granted by the coordination association")])
def test_the_grant_beside_an_eu_co_financed_budget_says_it_is_the_forbunds(tmp_path, lang, label):
    # granted_sek is the förbund's grant; the budget (1 200 000 kr with the EU fund's part) is larger
    write_csv(tmp_path / "data/participants.csv",
              [_person(i, start="2024-02-01", end="2024-08-31") for i in range(1, 6)])
    write_csv(tmp_path / "data/budget.csv", [
        {"period": "2024", "category": "Personal", "budget": 800000, "actual": 800000, "funder": "förbund"},
        {"period": "2024", "category": "Personal (ESF+)", "budget": 400000, "actual": 400000, "funder": "eu"}])
    r = et.Report(et.load_project(_params(tmp_path, EU.rstrip(" ") + "    granted_sek: 800000\n")), lang=lang)
    shown = dict(facts.rows(r))
    assert shown[label].replace("\xa0", " ").replace(",", " ") in ("800 000 kr", "SEK 800 000")


# --- a region owns the project: its own money written as 'egen' would fall on the municipality -------
@pytest.mark.parametrize("owner", ["Region Testland", "Testkommun"])
def test_own_financing_in_a_region_owned_project_gets_a_note_naming_its_rows(tmp_path, owner):
    write_csv(tmp_path / "data/participants.csv",
              [_person(i, start="2024-02-01", end="2024-08-31") for i in range(1, 6)])
    write_csv(tmp_path / "data/budget.csv", [
        {"period": "2024", "category": "Personal", "budget": 800000, "actual": 800000, "funder": "förbund"},
        {"period": "2024", "category": "Lokaler", "budget": 100000, "actual": 100000, "funder": "egen"},
        {"period": "2024", "category": "Handledare", "budget": 50000, "actual": 50000, "funder": "egen"}])
    path = _params(tmp_path, EU)
    path.write_text(path.read_text(encoding="utf-8").replace("owner: Testkommun", f"owner: {owner}"), encoding="utf-8")
    notes = [w for w in et.load_project(path).warnings if w.key == "budget.own_financing_region"]
    if owner == "Testkommun":  # a municipality's own money is what 'egen' means: no note
        assert notes == []
        return
    [note] = notes
    # the two 'egen' lines are rows 3 and 4 of the file (the header is row 1)
    assert "raderna 3, 4" in note.note("sv") and "skriv 'region'" in note.note("sv")
    assert "rows 3, 4" in note.note("en") and "Region Testland" in note.note("en")
