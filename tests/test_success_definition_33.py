"""The success definition is one object, said one way: under the default successes an exit to the support the
participant started on (sjukpenning to sjukpenning) is no success, and every place that states the definition (the
outcome and time sections' note, the goal table's note, the workbook's label, the portfolio) states that rule in the
same words, in Swedish and English. The rule is part of the definition's identity: a project that lists the same
outcomes by hand (read as written, the same-support exits counted) defines success differently, and the portfolio
says so. Each fixture is a tiny project written in tmp_path; expected values are worked out by hand from its rows."""
from __future__ import annotations

import pytest

import evaltools as et
from evaltools.analysis.goals import project_definition, project_successes
from evaltools.present.portfolio import Portfolio
from evaltools.present.sections import goals as goal_section
from evaltools.present.sections import outcomes
from evaltools.words.labels import success_definition_text

PARAMS = """\
id: %s
kind: individ
title: %s
forbund: Samordningsförbundet Norrvik
owner: Vidsels kommun
partners: [Region Norrbotten, Försäkringskassan]
period: {start: 2024-01-01, planned_end: 2025-12-31}
data_as_of: 2026-01-31
granted_sek: 200000
data: {participants: data/%s.csv}
goals:
  - id: mål
    kind: share
    label: Minst 40 %% av de avslutade ska ha ett lyckat utfall
    label_en: At least 40%% of those who ended have a successful outcome
    target: 0.4
    period: whole_period
    denominator: exits
%s"""

# the default successes, listed by hand (read as written: an exit to the support one started on counts)
LISTED = ("    success_outcomes: [arbete, arbete_med_stöd, studier, sjuk_aktivitetsersättning, sjukpenning,"
          " annan_ersättning, aktiv_planering_annan_part]\n")

# (support at start, outcome at exit) of fifteen participants, every one ended
ROWS = [("sjukpenning", "arbete"),                  # success under both
        ("sjukpenning", "sjukpenning"),             # same support: no success by default, a success as listed
        ("sjukpenning", "sjukpenning"),             # same support
        ("sjukpenning", "sjukpenning"),             # same support
        ("sjukpenning", "sjukpenning"),             # same support
        ("sjukpenning", "sjukpenning"),             # same support
        ("försörjningsstöd", "sjukpenning"),        # success under both: a step from försörjningsstöd
        ("försörjningsstöd", "arbete"),             # success under both
        ("försörjningsstöd", "studier"),            # success under both
        ("försörjningsstöd", "arbete"),             # success under both
        ("försörjningsstöd", "avbrott"),            # no success
        ("försörjningsstöd", "avbrott"),            # no success
        ("försörjningsstöd", "avbrott"),            # no success
        ("försörjningsstöd", "avbrott"),            # no success
        ("försörjningsstöd", "kvar_försörjningsstöd")]  # no success (five who did not succeed under both: shown)

RULE = {"sv": "avslut till samma ersättning som deltagaren hade vid start (till exempel sjukpenning till sjukpenning) "
              "räknas inte",
        "en": "exits to the same benefit the participant had at start (such as sickness benefit to sickness benefit) are "
              "not counted"}


def _project(tmp_path, pid="vidga", title="Vidga", extra="", rows=ROWS):
    data = tmp_path / "data"
    data.mkdir(parents=True, exist_ok=True)
    lines = [f"{pid[0].upper()}{i + 1:03d};kvinna;{1970 + i};ensamstående;2024-02-01;2024-09-30;{out};{start}"
             for i, (start, out) in enumerate(rows)]
    (data / f"{pid}.csv").write_text("\n".join(["person_id;sex;birth_year;household_type;start_date;end_date;"
                                                "outcome;support_start", *lines]) + "\n", encoding="utf-8")
    p = tmp_path / f"{pid}.yaml"
    p.write_text(PARAMS % (pid, title, pid, extra), encoding="utf-8")
    return p


def test_the_default_and_the_same_outcomes_listed_are_two_definitions(tmp_path):
    # default: V001, V007-V010 = 5 of 15; listed: the five same-support exits V002-V006 count too, 10 of 15
    default = project_successes(et.load_project(_project(tmp_path)))
    listed = project_successes(et.load_project(_project(tmp_path, "lista", "Lista", LISTED)))
    assert (default.successes, listed.successes, default.base) == (5, 10, 15)
    assert default.definition.outcomes == listed.definition.outcomes
    assert default.definition.same_support_rule and not listed.definition.same_support_rule
    assert default.definition != listed.definition


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_definitions_label_states_the_rule_only_where_it_applies(tmp_path, lang):
    default = project_definition(et.load_project(_project(tmp_path)), lang)
    listed = project_definition(et.load_project(_project(tmp_path, "lista", "Lista", LISTED)), lang)
    assert success_definition_text(default, lang).endswith("; " + RULE[lang])
    assert RULE[lang] not in success_definition_text(listed, lang)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_goal_table_and_the_outcome_section_state_the_rule_in_the_same_words(tmp_path, lang):
    r = et.Report(et.load_project(_project(tmp_path)), lang=lang)
    label = {"sv": "Minst 40\u00a0% av de avslutade ska ha ett lyckat utfall",  # (a no-break space before %)
             "en": "At least 40% of those who ended have a successful outcome"}[lang]
    assert goal_section.same_support_notes(r) == [f"{label}: {RULE[lang]}."]
    counted = outcomes.rate_notes(r, "3")[0]
    assert counted.rstrip(".").endswith("; " + RULE[lang])


def test_a_goal_listing_its_outcomes_has_no_such_note(tmp_path):
    r = et.Report(et.load_project(_project(tmp_path, "lista", "Lista", LISTED)), lang="sv")
    assert goal_section.same_support_notes(r) == []


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_workbook_label_is_the_definitions_words(tmp_path, lang):
    # (the workbook's key figures take the report's summary words: "Lyckat utfall räknat som")
    said = et.Report(et.load_project(_project(tmp_path)), lang=lang)._summary_words()["success_definition"]
    assert said.endswith("; " + RULE[lang])


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_portfolio_says_the_two_projects_define_success_differently(tmp_path, lang):
    a, b = _project(tmp_path), _project(tmp_path, "lista", "Lista", LISTED)
    pf = Portfolio([a, b], lang=lang)
    notes = pf.definitions()
    # one line per definition: the same outcomes, one under the rule
    assert len(notes) == 2
    [vidga] = [n for n in notes if "Vidga" in n]
    [lista] = [n for n in notes if "Lista" in n]
    assert RULE[lang] in vidga and RULE[lang] not in lista
    assert pf.chart_labels() is not None  # (the chart's sentence says the shares count different things)


# --- the wage subsidy's count of exits to subsidised work beside the outcome table ----------------------------------
CB = """\
cost_benefit:
  monthly_level: {method: fixed, amount_sek: 8900, amount_year: 2024}
"""


def _subsidised(tmp_path, from_sickness: int):
    # six exits to subsidised work, ``from_sickness`` of them by participants who started on sickness benefit; ten to
    # work and ten still on försörjningsstöd, everyone else from försörjningsstöd
    rows = ([("försörjningsstöd", "arbete_med_stöd")] * (6 - from_sickness) + [("sjukpenning", "arbete_med_stöd")]
            * from_sickness + [("försörjningsstöd", "arbete")] * 10 + [("försörjningsstöd", "kvar_försörjningsstöd")] * 10)
    data = tmp_path / "data"
    data.mkdir(parents=True, exist_ok=True)
    lines = [f"S{i + 1:03d};kvinna;{1970 + i};ensamstående;2024-02-01;2024-09-30;{out};{start}"
             for i, (start, out) in enumerate(rows)]
    (data / "sub.csv").write_text("\n".join(["person_id;sex;birth_year;household_type;start_date;end_date;"
                                             "outcome;support_start", *lines]) + "\n", encoding="utf-8")
    (data / "budget.csv").write_text("period,category,budget,actual,funder\nhela,Personal,900000,850000,förbund\n",
                                     encoding="utf-8")
    p = tmp_path / "sub.yaml"
    p.write_text((PARAMS % ("sub", "Sub", "sub", "")).replace("data/sub.csv}", "data/sub.csv, budget: data/budget.csv}")
                 + CB, encoding="utf-8")
    return et.Report(et.load_project(p), lang="sv")


def _wage_source(r) -> str:
    from evaltools.words.labels import note_text
    return note_text(r.cba.assumptions.set_index("name").loc["wage_subsidy_sek_month", "source"], "sv")


def _table_count(r, code_label: str) -> str:
    shown = outcomes.outcome_counts(r.project.participants[~r.project.participants["ongoing"]], r.k,
                                    outcomes.stated_sums(r), outcomes.stated_counts(r))
    from evaltools.words.labels import code_label as label
    row = shown[[label("outcome", c, "sv") == code_label for c in shown["category"]]]
    return str(row["n"].iloc[0])


def test_the_wage_subsidy_does_not_say_a_count_the_outcome_table_counts_otherwise(tmp_path):
    # five left försörjningsstöd for subsidised work, one came from sickness benefit: the table's exits there are 6.
    # Said beside it, "5" would give the one from sickness benefit by difference (6 - 5 = 1), or, beside a hidden
    # cell, a bound on it; so the count is not said, and the source says whom the subsidy is for
    r = _subsidised(tmp_path, from_sickness=1)
    source = _wage_source(r)
    assert "; gäller dem som lämnade försörjningsstödet för arbete med stöd" in source
    assert "gäller de " not in source


def test_the_wage_subsidy_says_the_count_where_it_is_the_tables(tmp_path):
    # all six from försörjningsstöd: the same persons the outcome table counts, 6, said in both
    r = _subsidised(tmp_path, from_sickness=0)
    assert "; gäller de 6 som gick till arbete med stöd" in _wage_source(r)
    assert _table_count(r, "Arbete med stöd") == "6"


# --- the rule is part of the definition where the analysis compares definitions -----------------------------------
COUNT_AND_SHARE = """\
  - id: antal
    kind: outcome_count
    label: Minst 3 avslutade ska ha ett lyckat utfall
    target: 3
    period: whole_period
    main: true
  - id: andel
    kind: share
    label: Minst 30 % av de avslutade ska gå vidare
    target: 0.3
    period: whole_period
    denominator: exits
"""


def test_a_share_goal_listing_the_default_outcomes_does_not_judge_a_default_count(tmp_path):
    # the main goal counts the default successes (5: V001, V007-V010); the share goal lists the same outcomes by hand
    # and counts the five same-support exits too (10): its share is no share of the main goal's successes
    p = _project(tmp_path, extra=COUNT_AND_SHARE + LISTED)
    text = p.read_text(encoding="utf-8")
    first = text.index("  - id: mål")  # (the template's goal: left out, the count is the main goal)
    p.write_text(text[:first] + text[text.index("  - id: antal"):], encoding="utf-8")
    sc = project_successes(et.load_project(p))
    assert sc.definition.goal_id == "antal" and sc.definition.share_goal_id is None
    assert (sc.successes, sc.base) == (5, 15)
    # the same share goal without success_outcomes counts the same successes: it judges the count's share
    p.write_text(p.read_text(encoding="utf-8").replace(LISTED, ""), encoding="utf-8")
    assert project_successes(et.load_project(p)).definition.share_goal_id == "andel"


def test_the_rate_table_does_not_take_a_goal_listing_the_outcomes_for_its_own_counts(tmp_path):
    from evaltools.analysis.cohorts import _counts_as
    d = project_definition(et.load_project(_project(tmp_path)))
    listed = et.load_project(_project(tmp_path, "lista", "Lista", LISTED)).params.goals[0]
    default = et.load_project(_project(tmp_path)).params.goals[0]
    assert _counts_as(default, d, None) and not _counts_as(listed, d, None)


# --- the success share by support at start, among the cohort comparisons --------------------------------------------
def _by_support(tmp_path, rows):
    return et.outcome_rates(et.load_project(_project(tmp_path, rows=rows)))


def test_the_rates_compare_the_supports_at_start_with_exact_intervals(tmp_path):
    from scipy.stats import beta
    # ten from försörjningsstöd, five of them to work; ten on sickness benefit, five to work and five back to sickness
    # benefit (no success by default): 5 of 10 in each group
    rows = ([("försörjningsstöd", "arbete")] * 5 + [("försörjningsstöd", "avbrott")] * 5
            + [("sjukpenning", "arbete")] * 5 + [("sjukpenning", "sjukpenning")] * 5)
    tab = _by_support(tmp_path, rows).table
    tab = tab[tab["variable"] == "support_start"].set_index("category")
    assert set(tab.index) == {"försörjningsstöd", "sjukpenning"}
    # Clopper–Pearson by the beta distribution's quantiles: Beta(5, 6) at 2,5 % and Beta(6, 5) at 97,5 %
    lo, hi = beta.ppf(0.025, 5, 6), beta.ppf(0.975, 6, 5)
    for code in ("försörjningsstöd", "sjukpenning"):
        assert (tab.loc[code, "n"], tab.loc[code, "successes"], tab.loc[code, "rate"]) == (10, 5, 0.5)
        assert (tab.loc[code, "ci_low"], tab.loc[code, "ci_high"]) == (pytest.approx(lo), pytest.approx(hi))


def test_a_small_group_by_support_at_start_is_hidden(tmp_path):
    # two of the ten on sickness benefit went to work: 2 successes, under 5, hidden (and so the other group's, which
    # beside the total of 7 would give it)
    rows = ([("försörjningsstöd", "arbete")] * 5 + [("försörjningsstöd", "avbrott")] * 5
            + [("sjukpenning", "arbete")] * 2 + [("sjukpenning", "sjukpenning")] * 8)
    tab = _by_support(tmp_path, rows).table
    tab = tab[tab["variable"] == "support_start"].set_index("category")
    assert isinstance(tab.loc["sjukpenning", "successes"], str)
    assert isinstance(tab.loc["försörjningsstöd", "successes"], str)


def test_no_breakdown_by_support_where_everyone_started_on_forsorjningsstod(tmp_path):
    rows = [("försörjningsstöd", "arbete")] * 6 + [("försörjningsstöd", "avbrott")] * 6
    assert "support_start" not in set(_by_support(tmp_path, rows).table["variable"])


def test_page_ones_goal_line_naming_more_outcomes_than_its_words_states_the_rule(tmp_path):
    # a goal worded "to work, studies or an effort" that counts the default successes counts sickness benefit too:
    # page 1 says so, and that an exit back to the benefit one started on is not counted
    p = _project(tmp_path)
    # (words naming work or studies only count those outcomes: a goal naming a step towards them besides counts the
    # default successes)
    p.write_text(p.read_text(encoding="utf-8")
                 .replace("ska ha ett lyckat utfall", "ska gå till arbete, studier eller arbetsförberedande insats")
                 .replace("have a successful outcome", "go to work, studies or a work preparation programme"),
                 encoding="utf-8")
    lines = goal_section.page_one(et.Report(et.load_project(p), lang="sv"))
    said = [i for i, line in enumerate(lines) if line.startswith("Målet räknar också")]
    assert said and lines[said[0] + 1] == RULE["sv"][:1].upper() + RULE["sv"][1:] + "."
