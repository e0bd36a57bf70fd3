"""Outcomes: how the participants who ended left, the share with a successful outcome (the main goal's
definition, named as the glossary names it) by group, a logistic regression."""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from ...data import schema as S
from ..display import Table, Text
from ...words.formats import fmt_cell, fmt_int, fmt_num, fmt_p, fmt_pct
from ...words.labels import code_label, group_word, note_text, success_definition_text, t
from ...words.breakdowns import labelled, term_labels
from ...data.privacy import SECONDARY, apply_mask, hides
from ...analysis.disclosure import Secondary, fewest_hidden
from ...analysis.costbenefit import BENEFIT_PAYER
from ...analysis.goals import project_definition
from .goals import timed_words
from ...analysis.result import Note
from .facts import participants_words
from .summary import state_why_words
from ...words.glossary import ENDED, count_label, measure_term, name as term_name, share_label
from ..plots import adjusted_rates, plot_outcome_rates


def outcome_counts(ended: pd.DataFrame, k: int, sums: Sequence[Sequence[str]] = (),
                   known: Mapping[str, int] | None = None, total: bool = True,
                   withheld_sums: Sequence[Sequence[str]] = ()) -> pd.DataFrame:
    """Exit outcomes of the participants who ended, small counts suppressed.

    Parameters
    ----------
    ended
        The participants who ended.
    k
        Smallest count that may be shown.
    sums
        Sets of outcomes whose total the report states elsewhere (the exits from försörjningsstöd the
        cost-benefit calculation counts, a goal's successes): each is a sum through which one hidden count
        could be worked out from the others ("32 som lämnat försörjningsstödet" beside arbete 12, studier 10,
        arbete med stöd 6 and sjukpenning <5 gives 4), so it gets secondary suppression as the total does.
    known
        Outcomes and the count the report states for them elsewhere (the assumptions table's count of
        exits to subsidised work): where the two agree, hiding it protects no one, so another count is
        hidden in its place.
    total
        Whether the report states the number ended (the table's total): where the differencing rule withholds it,
        it is no sum through which a count could be worked out, and the counts shown must not add up to it (where
        no count is small, the smallest that keeps it back is hidden, ``..``).
    withheld_sums
        Sets of outcomes whose total the report withholds (the successes of the ended, where the differencing rule
        withholds them): the counts shown must not add up to it either.

    Returns
    -------
    pandas.DataFrame
        One row per outcome: the shown counts largest first, then the hidden ones in the vocabulary's order
        (:data:`evaltools.data.schema.OUTCOMES`). A hidden count placed by its size would tell it: ``..``
        between arbete 12 and arbetssökande 10 is 10–12, and a column of ``<5`` in falling order ranks them.
    """
    counts = ended[S.OUTCOME].value_counts()
    raw = pd.DataFrame({"variable": "outcome", "category": counts.index, "n": counts.to_numpy(),
                        "share": counts.to_numpy() / max(len(ended), 1)}).reset_index(drop=True)
    codes = list(raw["category"])
    # the total of the table (the number ended) and each sum stated elsewhere: the fewest counts that protect are hidden
    lines = [*([list(range(len(codes)))] if total else []),
             *([codes.index(c) for c in dict.fromkeys(s) if c in codes] for s in sums)]
    known = known or {}
    published = [known.get(c) == int(n) and not hides(int(n), k) for c, n in zip(codes, raw["n"])]
    # (a number ended the report withholds must not be the sum of the counts shown either)
    withheld = ([] if total else [list(range(len(codes)))]) + [
        idx for idx in ([codes.index(c) for c in dict.fromkeys(w) if c in codes] for w in withheld_sums) if idx]
    hidden = np.array(fewest_hidden([int(n) for n in raw["n"]], k, lines, published, withheld), dtype=bool)
    out = apply_mask(raw, pd.Series(hidden, index=raw.index), ["n"], k, ("share",))
    vocabulary = list(S.OUTCOMES)
    place = [vocabulary.index(c) if c in vocabulary else len(vocabulary) for c in out["category"]]
    after = out[hidden].assign(_place=[p for p, h in zip(place, hidden) if h])
    after = after.sort_values("_place", kind="stable").drop(columns="_place")
    return pd.concat([out[~hidden], after], ignore_index=True)


def stated_sums(r) -> list[tuple[str, ...]]:
    """The sets of exit outcomes whose total the report states beside the outcome table: the exits from
    försörjningsstöd the cost-benefit calculation counts (where the differencing rule shows them) and each
    goal's successes counted by outcome (goal totals are always shown)."""
    p = r.params
    sums = [tuple(p.cost_benefit.success_outcomes)] if r.disclosure.shows(Secondary.EXITS) else []
    # how many of those leavers went to a benefit the state pays ("5 av de 13", page 1 and the note per actor): that
    # sum of outcomes and the rest of the leavers' (8 to arbete and arbete med stöd, two "<5" that are then 4 and 4)
    said = state_why_words(r)
    if said is not None and said[0] == "state_why":
        paid = tuple(c for c in p.cost_benefit.success_outcomes if c in BENEFIT_PAYER)
        sums += [paid, tuple(c for c in p.cost_benefit.success_outcomes if c not in paid)]
    # page 1's successes as the project defines them ("Av 30 avslutade lämnade 18 försörjningsstödet"), where no goal
    # counts them: without a goal of its own that sum is the default's outcomes, stated all the same; and with the
    # number ended beside it (B, the ended less the outcomes the definition leaves out, such as a move), so is the sum
    # of its other outcomes (30 less 18: kvar 9 and arbetssökande <5 is 3). The number ended itself is the table's
    # total, a sum only where the report states it (:func:`outcome_counts`)
    d = project_definition(r.project)
    if r.disclosure.shows(Secondary.SUCCESSES) and d.kind != "action_plan" and d.outcomes:
        base = tuple(c for c in S.OUTCOMES if c not in (d.exclude or ()))
        sums.append(tuple(d.outcomes))
        sums.append(base)
        sums.append(tuple(c for c in base if c not in d.outcomes))
    sums += [tuple(g.success_outcomes) for g in p.goals
             if g.kind in ("outcome_count", "share") and g.numerator == "outcome" and g.success_outcomes]
    return sums


def stated_counts(r) -> dict[str, int]:
    """Exit outcomes whose count the report states outside the outcome table: the exits to subsidised work
    the assumptions table gives beside the wage subsidy (when it gives the number, not "färre än 5")."""
    a = r.cba.assumptions
    if a is None or a.empty:
        return {}
    said = [int(dict(src.values)["n"]) for src in map(_within_months, a.loc[a["name"] == "wage_subsidy_sek_month", "source"])
            if isinstance(src, Note) and src.key == "assumption.wage_subsidy_source"]
    return {"arbete_med_stöd": said[0]} if said else {}


def _within_months(source: object) -> object:
    """The wage subsidy's own source inside the sentence that adds for how many months it is counted."""
    if isinstance(source, Note) and source.key == "assumption.wage_subsidy_months":
        return dict(source.values)["source"]
    return source


def chart_rates(r):
    """The rate comparison as the chart shows it (:func:`~evaltools.present.plots.adjusted_rates`), in the
    report's words, with the rows the table beside it shows (:func:`left_out_rows`): a group the table leaves out
    is not listed as "dolt" in the chart, and a group whose row the table shows with its share hidden is "dolt" in
    both."""
    kept = shown_rate_rows(r.rates.table)
    return adjusted_rates(dataclasses.replace(r.rates, table=kept), r.msg("outcomes.chart_adjusted"))


def shown_rates(r) -> int:
    """How many groups' rates the privacy rule lets the chart show (the others are hidden, "..")."""
    rates = r.rates.table["rate"]
    return int(sum(not isinstance(v, str) and pd.notna(v) for v in rates))


def left_out_rows(rt: pd.DataFrame) -> list[bool]:
    """Which rows of the rate table per group (``n``, ``successes``, ``rate``, ``variable``) the table and its
    chart leave out. One rule for a group's row: it is shown where it shows a figure; a row of marks only ("..",
    "<k") tells the board nothing and is left out, and said (the groups the participants table shows are named in
    the note on those hidden here). Before, a row whose marks included a "<k" stayed (Nästa steg's lone "Sambo utan
    barn <5 <5" among household types left out). A breakdown none of whose groups shows anything of its successes
    (Specialistteamet's intake years: year 3's 25 ended beside ".." alone under the heading) is left out whole, as
    the note on hidden groups names its groups; a group's "<5" successes says something, and keeps its breakdown."""
    marks = pd.Series([not any(_shown(v) for v in row) for row in zip(rt["n"], rt["successes"], rt["rate"])])
    told = pd.Series([_shown(rate) or _shown(k) or (isinstance(k, str) and k.startswith("<"))
                      for k, rate in zip(rt["successes"], rt["rate"])])
    marks |= ~told.groupby(rt["variable"].to_numpy()).transform("any")
    return [bool(m) for m in marks]


def shown_rate_rows(rt: pd.DataFrame) -> pd.DataFrame:
    """The rows of the rate table per group the report's table shows (:func:`left_out_rows`): the workbook's sheet
    gives these same rows, its hidden cells marked as the table marks them, not every group with blank cells. (A
    row left out showed nothing: leaving it out gives no hidden count back.)"""
    if rt.empty:  # (no one has ended: a table without rows, or without columns)
        return rt
    return rt[[not m for m in left_out_rows(rt)]].reset_index(drop=True)


def rates_chart(r) -> list:
    """The forest plot of the rates per group, or, when fewer than two groups can be shown, one sentence
    instead: a chart of hidden rows with one point or none compares nothing. It draws the rows the table beside it
    shows (:func:`chart_rates`)."""
    if shown_rates(r) >= 2:
        d = r.rates.definition  # (its reference line counts the main goal's base, as the table beside it)
        return [plot_outcome_rates(chart_rates(r), lang=r.lang,
                                   left_out=d.left_out(r.project.participants) if d is not None else (),
                                   moved=r.moved_on)]
    return [Text([r.msg("outcomes.chart_too_few", k=str(r.k))])]


def hidden_note(r) -> tuple[str, ...]:
    """Why a group the participants table shows is hidden in the rate table (one decision per table, said)."""
    groups = _hidden_pairs(r)
    if not groups:
        return ()
    measure = term_name(measure_term(r.rates.definition, r.moved_on), r.words)  # (lyckat utfall, or lämnat ...)
    measure = measure[:1].lower() + measure[1:]
    # (a breakdown named after the sentence's first word is in lower case, as in the sentence on the tests:
    # "Projektår för start (…), åldersgrupp (…) och hushållstyp (…)"; the groups' own names are kept as given)
    first = groups[0][0]
    groups = [(v if v == first else _inline(v), c) for v, c in groups]
    named = by_variable(groups, r.lang)  # (the verb agrees with what the sentence names: "Age group (40–49, 60+) is")
    return (r.plural("outcomes.hidden_here", len(named), groups=r.words.join(named), k=str(r.k), measure=measure),)


def by_variable(pairs: list[tuple[str, str]], lang: str = "sv") -> list[str]:
    """Hidden groups named once per variable, in the order given: ``Åldersgrupp 50–59`` for one group of a
    variable, ``Kön (kvinnor, män)`` for several, rather than ``Kön kvinnor, Kön män`` (with semicolons
    between groups whose names hold a comma: ``Household type (single, no children; single parent)``). A single
    group named in words, in lower case as a sentence writes it, is in brackets too: ``kön (kvinnor)``,
    ``sex (women)``, never ``kön kvinnor``."""
    names: dict[str, list[str]] = {}
    for variable, category in pairs:
        names.setdefault(variable, []).append(category)
    return [f"{v} {cs[0]}" if len(cs) == 1 and not cs[0][:1].islower()
            else f"{v} ({('; ' if any(',' in c for c in cs) else ', ').join(cs)})"
            for v, cs in names.items()]


def rate_notes(r, n_tests: str) -> tuple[str, ...]:
    """The notes under the rate table in plain words: what counts as a successful outcome (the first note
    of the rate comparison: the main goal's definition), what the two p-values mean, and whether any
    p-value was simulated. The tests' names belong to the appendix's method section."""
    d = r.rates.definition
    # the exits the definition leaves out (those who moved): the table's ended are fewer than the report's others
    left_out = d.left_out(r.project.participants) if d is not None else ()
    counted = (r.msg("outcomes.counted", measure=term_name(measure_term(d, r.moved_on), r.words),
                     definition=success_definition_text(d, r.lang, left_out, timed_words(r.params, r.lang),
                                                        moved=r.moved_on))
               if d is not None else note_text(r.rates.notes[0], r.lang))
    notes = (counted, r.msg("outcomes.tests_note_one") if n_tests == "1" else r.msg("outcomes.tests_note", n=n_tests))
    if r.rates.raw["test"].astype(str).str.contains("MC", regex=False).any():
        notes += (r.msg("outcomes.simulated_note"),)
    notes += tuple(note_text(n, r.lang) for n in r.rates.notes if n.key in ("note.rate_tests_unknown",
                                                                               "note.rates_one_group"))
    return notes


def _inline(label: object) -> str:
    """A breakdown's label as a word inside a sentence: its first letter in lower case ("Kön" -> "kön"), but
    not an abbreviation's ("SGI-status" stays, never "sGI-status")."""
    text = str(label)
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]


def model_verdict(r, measure: str) -> str:
    """What the success model's table shows, in a sentence above it: a table of odds ratios alone asks the board
    to read intervals against 1. Its intervals are not adjusted for the several terms tested, so an interval that
    leaves out 1 is said as exactly that, and the shares per group above (adjusted) say whether a difference is
    clear; none leaving out 1 means none is clear either way. Where terms are hidden, the sentence speaks of those
    shown."""
    m = r.model
    # (a term inside the sentence in lower case, its breakdown's and its group's names alike: "kön: man")
    apart = [": ".join(_inline(part) for part in label.split(": ", 1))
             for label, low, high in zip(term_labels(m.table, r.lang), m.table["ci_low"], m.table["ci_high"])
             if low > 1 or high < 1]
    if apart:
        return r.plural("outcomes.model_unadjusted", len(apart), which=r.words.join(apart), measure=measure)
    hidden = any(n.key == "note.terms_hidden" for n in m.notes)  # (the note under the table says how many)
    return r.msg("outcomes.model_no_clear_shown" if hidden else "outcomes.model_no_clear")


def _shown(v: object) -> bool:
    """True for a count the table shows (not ``..``, ``<k`` or missing)."""
    return not isinstance(v, str) and not pd.isna(v)


def hidden_here(r) -> list[str]:
    """The groups the participants table shows but the rate table hides, by name ("Åldersgrupp 50–59"):
    a rate also tells how many in the group lack a successful outcome, and that count may be small."""
    return [f"{v} {c}" for v, c in _hidden_pairs(r)]


def _hidden_pairs(r) -> list[tuple[str, str]]:
    """(variable label, category label) of each group :func:`hidden_here` names."""
    comp = labelled(r.composition.table, r.lang)
    rates = labelled(r.rates.table, r.lang)
    shown = {(v, c) for v, c, n in zip(comp["variable"], comp["category"], comp["n"]) if _shown(n)}
    # (a group inside the sentence is written as running text writes it, in lower case: "projektår för start (år 1,
    # år 2)", "kön (kvinnor, män)", "sex (women, men)"; a municipality keeps its name, an abbreviation its capitals)
    # (by its rate: a hidden row may still show its number ended, where hiding that protects nothing)
    inline = {v for v in rates["variable"] if v != S.MUNICIPALITY}
    # (a sex as the group of persons it is, in the plural: "kön (kvinnor, män)", never the category "kön (kvinna)")
    return [(str(vl), group_word(S.SEX, c, r.lang) if v == S.SEX else _inline(cl) if v in inline else str(cl))
            for v, c, rate, vl, cl in zip(rates["variable"], rates["category"], rates["rate"],
                                          rates["variable_label"], rates["category_label"])
            if not _shown(rate) and (v, c) in shown]


def breakdown_heading(variable: str, p: float, holm: float, lang: str, msg) -> str:
    """The row naming a breakdown in the table per group, with its test of a difference between its groups and
    that test adjusted for the several breakdowns tested: ``Kön (p = 0,188, p justerat = 0,750)``; the name alone
    where no test is shown (a group it compares is hidden)."""
    if pd.isna(p):
        return str(variable)

    def said(v: float) -> str:  # "= 0,906", "< 0,001", as the chart beside the table says it
        text = fmt_p(v, lang)
        return text if text.startswith(("<", ">")) else "= " + text
    # (the adjusted test under the name the note below the table explains it by)
    return msg("outcomes.breakdown_tests", variable=str(variable), p=said(p), adjusted=msg("outcomes.holm"),
               holm=said(holm))


def blocks(r) -> list[list]:
    lang, msg = r.lang, r.msg
    heading = msg("outcomes.heading")
    if not r.project.has_participants:
        return [[Text([msg("outcomes.absent")], heading)]]
    df = r.project.participants
    ended = df[~df[S.ONGOING]]
    if ended.empty:
        return [[Text([msg("outcomes.none_ended", n=participants_words(r))], heading)]]
    # (the successes page 1 withholds, as the project defines them: the counts of their outcomes must not give them)
    d = project_definition(r.project)
    secret = [tuple(d.outcomes)] if r.disclosure.hides(Secondary.SUCCESSES) and d.kind != "action_plan" else []
    shown = outcome_counts(ended, r.k, stated_sums(r), stated_counts(r), r.disclosure.shows(Secondary.ENDED), secret)
    if r.disclosure.hides(Secondary.ENDED):  # (a count over its share gives the number ended: analysis.disclosure)
        shown["share"] = SECONDARY
    frame = pd.DataFrame({t("outcome", lang): [code_label(S.OUTCOME, c, lang) for c in shown["category"]],
                          t("n", lang): [fmt_cell(v, fmt_int, lang) for v in shown["n"]],
                          t("share_col", lang): [fmt_cell(v, fmt_pct, lang) for v in shown["share"]]})
    rt = labelled(r.rates.table, lang)
    term = measure_term(r.rates.definition, r.moved_on)  # lyckat utfall, or (no main goal) lämnat försörjningsstödet
    # where a person was enrolled more than once the ended are enrolments (page 1's "avslutade inskrivningar"),
    # not the participants the report counts as persons: said so, not "de 52 som avslutat" beside 46 participants
    twice = r.rates.by_enrolment  # (the one rule: Enrolments.by_enrolment, carried by the comparison)
    ended_col, successes_col, rate_col = (msg("outcomes.ended_enrolments") if twice else count_label(ENDED, r.words),
                                          count_label(term, r.words), share_label(term, r.words))
    # a breakdown's tests compare its groups with each other: said once, on the row naming the breakdown
    # ("Projektår för start (p = 0,906, p justerat = 1,000)"), not on every group's row, where the same figure
    # repeated read as a test of each group
    rates = pd.DataFrame({
        t("variable", lang): [breakdown_heading(v, p, h, lang, msg)
                              for v, p, h in zip(rt["variable_label"], rt["p_value"], rt["p_holm"])],
        t("category", lang): rt["category_label"],
        ended_col: [fmt_cell(v, fmt_int, lang) for v in rt["n"]],
        successes_col: [fmt_cell(v, fmt_int, lang) for v in rt["successes"]],
        rate_col: [fmt_cell(v, fmt_pct, lang) for v in rt["rate"]],
        t("ci", lang): [("–" if isinstance(a, str) or pd.isna(a) else f"{fmt_pct(a, lang)}–{fmt_pct(b, lang)}")
                       for a, b in zip(rt["ci_low"], rt["ci_high"])],
    })  # the test's name is method, told in the appendix; the body says what the numbers mean
    marks = pd.Series(left_out_rows(rt), index=rates.index)
    rates = rates[~marks].reset_index(drop=True)
    left_out = ((msg("outcomes.rows_left_out_chart") if shown_rates(r) >= 2 else msg("outcomes.rows_left_out")),) \
        if marks.any() else ()
    # words about differences follow the Holm-adjusted tests only (the tests shown)
    tests = rt.drop_duplicates("variable")
    # (a breakdown's name inside the sentence: in lower case, the last joined by "och", "tydlig efter kön och
    # åldersgrupp", or after a negation by "eller", "inte tydlig efter kön eller åldersgrupp"; a list after a colon
    # with commas only read as a table's cell, not as a sentence)
    clear = [_inline(v) for v, p in zip(tests["variable_label"], tests["p_holm"]) if pd.notna(p) and p < 0.05]
    n_tests = str(int(r.rates.raw.drop_duplicates("variable")["p_value"].notna().sum()))
    measure = rate_col[:1].lower() + rate_col[1:]
    # where a breakdown's test is hidden (a group of it is), "no breakdown shows a clear difference" would speak
    # of tests the reader cannot see (Nästa steg: four tested, one shown): the sentence names the ones shown
    shown_tests = [_inline(v) for v, p in zip(tests["variable_label"], tests["p_holm"]) if pd.notna(p)]
    # (one breakdown tested: nothing to adjust for, and "adjusted for the one breakdown tested" would say otherwise)
    one = n_tests == "1"
    verdict = (msg("outcomes.clear_difference_one", which=r.words.join(clear), measure=measure) if clear and one
               else msg("outcomes.clear_difference", n=n_tests, which=r.words.join(clear), measure=measure) if clear
               else msg("outcomes.no_clear_difference_shown", n=n_tests, which=r.words.join(shown_tests, "common.or"),
                        measure=measure)
               if shown_tests and len(shown_tests) < int(n_tests)
               else msg("outcomes.no_clear_difference_one", measure=measure) if one and tests["p_holm"].notna().any()
               else msg("outcomes.no_clear_difference", n=n_tests, measure=measure) if tests["p_holm"].notna().any()
               else msg("outcomes.no_test_shown") if n_tests != "0"  # (tests hidden: nothing to say there is no difference)
               else msg("outcomes.no_test"))  # (one group in every breakdown: nothing was compared)
    # a breakdown tested, and counted among the n the sentence adjusts for, but left out of the table (none of its
    # groups shows anything: Specialistteamet's intake years, Nästa steg's sex, age and household): the text names it,
    # so that text and table speak of the same breakdowns (before: "fyra uppdelningar" above a table of three)
    raw = labelled(r.rates.raw.drop_duplicates("variable"), lang)
    in_table = set(rt.loc[~marks.to_numpy(), "variable"])
    absent = [label for v, label, p in zip(raw["variable"], raw["variable_label"], raw["p_value"])
              if pd.notna(p) and v not in in_table]
    if absent and n_tests != "0":
        named = [str(absent[0]), *(_inline(v) for v in absent[1:])]
        verdict += " " + r.plural("outcomes.tested_left_out", len(named), which=r.words.join(named), k=str(r.k))
    intro = (msg("outcomes.intro_enrolments" if twice else "outcomes.intro", n=fmt_int(len(ended), lang))
             if r.disclosure.shows(Secondary.ENDED)
             else msg("outcomes.intro_withheld", k=str(r.k)))  # (the differencing rule: analysis.disclosure)
    if hides(len(ended), r.k):  # the categories listed would tell the outcomes of the few who ended
        return [[Text([intro, msg("outcomes.too_few_ended", k=str(r.k))], heading)]]
    if any(_shown(v) and v > 0 for v in shown["n"]):
        kinds: Table | Text = Table(frame, numeric=(t("n", lang), t("share_col", lang)))
    elif all(str(v).startswith("<") for v in shown["n"]):  # every outcome "<5": a sentence, not a table of marks
        kinds = Text([msg("outcomes.all_few", k=str(r.k))])
    else:  # every outcome hidden, some for a sum stated elsewhere ("..", not small themselves): not said to be few
        kinds = Text([msg("outcomes.all_hidden", k=str(r.k))])
    if r.rates.raw.empty:  # every breakdown one group (a project for women only, of one age group): nothing compared
        one_group = tuple(note_text(n, lang) for n in r.rates.notes if n.key == "note.rates_one_group")
        out = [[Text([intro], heading), kinds,
                Text([msg("outcomes.no_test"), *one_group], msg("outcomes.by_group", measure=rate_col), 3)]]
    elif not shown_rates(r):  # every group's share hidden: a sentence, not a table of marks
        out = [[Text([intro], heading), kinds,
                Text([msg("outcomes.none_shown", k=str(r.k))], msg("outcomes.by_group", measure=rate_col), 3)]]
    else:
        out = [[Text([intro], heading), kinds,
                Text([], msg("outcomes.by_group", measure=rate_col), 3),
                *rates_chart(r), Text([verdict]),
                # (each breakdown's name once, above its groups: a column repeating it on every row is noise)
                Table(rates, notes=rate_notes(r, n_tests) + hidden_note(r) + left_out
                      + ((msg("outcomes.rates_count_enrolments"),) if twice else ()),
                      numeric=(ended_col, successes_col, rate_col, t("ci", lang)), group=t("variable", lang))]]
    m = r.model
    if len(m.table):
        odds = msg("outcomes.odds_ratio")
        mt = pd.DataFrame({msg("outcomes.term"): term_labels(m.table, lang),
                           odds: [fmt_num(v, 2, lang) for v in m.table["odds_ratio"]],
                           t("ci", lang): [f"{fmt_num(a, 2, lang)}–{fmt_num(b, 2, lang)}"
                                           for a, b in zip(m.table["ci_low"], m.table["ci_high"])],
                           t("p_value", lang): [fmt_p(v, lang) for v in m.table["p_value"]]})
        # (the model's size ends the note on its reference groups, one paragraph: "Modellen bygger på 180 avslut.")
        notes = [note_text(n, lang) for n in m.notes if n.key != "note.model_n"]
        size = [note_text(n, lang) for n in m.notes if n.key == "note.model_n"]
        if notes and size:
            notes[0] += " " + size[0]
        out.append([Text([model_verdict(r, measure)], msg("outcomes.regression"), 3),
                    Table(mt, notes=tuple(notes), numeric=(odds, t("ci", lang), t("p_value", lang)))])
    else:  # no model: its note, and where the shares per group are shown, that they stand
        said = [note_text(n, lang) for n in m.notes]
        if said and shown_rates(r):
            said[-1] += " " + msg("outcomes.rates_stand")
        out.append([Text(said, msg("outcomes.regression"), 3)])
    return out
