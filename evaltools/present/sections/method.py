"""Method (in the appendix): the terms the report uses (the glossary), then how goals, comparisons, the
comparison group, costs and privacy are handled.

The comparison group's paragraphs cover every method the payments section names — t(G − 1), the
anticipation window, the placebo rule, the event study, the wild cluster bootstrap and its interval —
each only where the report uses it (:func:`did_rules`).

The cost-benefit part is one short paragraph per rule, each naming its anchor (Green Book and
Magenta Book, ASEK, NyttoSam, WSIPP, the SROI Guide). The rules and their order are those of the
cost-benefit section of ``docs/methods.md``; the figures in them (horizon, deadweight, drop-off,
discount rate, skattefaktor, the own-payments window) are the project's own settings.
"""
from __future__ import annotations

import pandas as pd

from ...analysis.comparison import WILD_BOOTSTRAP_DRAWS
from ...analysis.costbenefit import benefits_measured, earnings_measured
from ...analysis.costbenefit.costs import partners_in_budget
from ...analysis.costbenefit.uncertainty import DEADWEIGHT_MAX
from ...analysis.honest import robust_available
from ...analysis.power import MinimumDetectableEffect, SdSource
from ...analysis.survey import LOW_RESPONSE_RATE
from ...data.params import project_kind
from ...words import glossary
from ..display import Table, Text
from .costbenefit import benefit_unvalued, no_fs_at_start
from .designs import minimum_detectable
from ...words.formats import fmt_date, fmt_int, fmt_kr, fmt_num, fmt_pct
from ...words.assumptions import value_text, years as years_text

# The cost-benefit rules, in the order docs/methods.md gives them (a test checks both name them alike).
COSTBENEFIT_RULES = ("method.cb.costs", "method.cb.ledger", "method.cb.transfers", "method.cb.skattefaktor",
                     "method.cb.saving", "method.cb.deadweight", "method.cb.persistence", "method.cb.discounting",
                     "method.cb.uncertainty", "method.cb.requirement")
# A structural project has no exits to value: only what its cost is and what would carry it.
STRUCTURAL_RULES = ("method.cb.costs", "method.cb.ledger", "method.cb.requirement")
# A participant project whose benefit is not valued (no exit from försörjningsstöd) likewise; where no participant
# had försörjningsstöd at start, not the requirement either (the person-years without it are not given)
UNVALUED_RULES = STRUCTURAL_RULES
NO_FS_RULES = ("method.cb.costs", "method.cb.ledger")

# which of the project's settings each rule quotes
QUOTES = {"method.cb.ledger": ("horizon",), "method.cb.skattefaktor": ("skattefaktor",),
          "method.cb.saving": ("first", "last"), "method.cb.deadweight": ("low", "high", "most"),
          "method.cb.deadweight_assumed": ("deadweight", "low", "high"), "method.cb.deadweight_set": ("low", "high"),
          "method.cb.deadweight_assumed_comparison": ("deadweight", "low", "high"),
          "method.cb.persistence": ("n", "dropoff"), "method.cb.discounting": ("rate",)}

# The comparison-group methods the payments section names, each stated only where the report uses it:
# t(G − 1) with a DiD, the anticipation window when it leaves months out, the placebo rule with a
# placebo, the event study with its table, the wild cluster bootstrap below the few-clusters threshold.
# The honest-DiD bounds' paragraph where the report shows them, else one sentence on how to get them.
DID_RULES = ("method.did.inference", "method.did.anticipation", "method.did.placebo", "method.did.event_study",
             "method.did.wild", "method.did.honest", "method.did.honest_unsolved", "method.did.honest_missing")
# which of the project's comparison settings each of them quotes
DID_QUOTES = {"method.did.anticipation": ("months",), "method.did.event_study": ("before", "after", "reference"),
              "method.did.wild": ("threshold", "draws", "seed"), "method.did.honest": ("reference",)}

PARAGRAPHS = ("method.goals", "method.groups", "method.survey", "method.comparison", *DID_RULES, "method.mde",
              *COSTBENEFIT_RULES, "method.privacy")


def costbenefit_rules(r) -> tuple[str, ...]:
    """The cost-benefit rules that apply to this report: none without a budget, three for a
    structural project and for one whose benefit is not valued (:func:`benefit_unvalued`: no deadweight,
    discounting of a benefit or simulation), two where no participant had försörjningsstöd at start
    (:func:`no_fs_at_start`: no saving per month and no person-years without it), the drop-off rule only
    with payment data."""
    cba = r.cba
    if cba is None or cba.costs is None or cba.costs.empty:
        return ()
    if cba.summary.mode == "structural":
        return STRUCTURAL_RULES
    if no_fs_at_start(cba.summary):
        return NO_FS_RULES
    if benefit_unvalued(cba.summary):
        return UNVALUED_RULES
    return tuple(x for x in COSTBENEFIT_RULES if x != "method.cb.persistence" or r.project.payments is not None)


def applies(r, key: str) -> bool:
    """A paragraph about group comparisons needs participants; one about the comparison group needs
    payment data; a cost-benefit rule applies as :func:`costbenefit_rules` says."""
    if key == "method.groups":
        return r.project.has_participants
    if key == "method.privacy":  # (counts of persons to hide: participants' or respondents'; an application has none)
        return r.project.has_participants or (r.project.responses is not None and len(r.project.responses) > 0)
    if key == "method.comparison":
        return r.project.payments is not None
    if key == "method.survey":  # the test of the same persons' answers before and after, where one is given
        return _has_paired_test(r)
    if key == "method.mde":  # an application's minimum detectable effect, where its key figures give one
        return minimum_detectable(r) is not None
    if key.startswith("method.cb."):
        return key in costbenefit_rules(r)
    if key.startswith("method.did."):
        return key in did_rules(r)
    return True


def _has_paired_test(r) -> bool:
    """Does the questionnaire section give a p-value for the same persons' answers before and after?"""
    if r.project.responses is None or len(r.project.responses) == 0:
        return False
    return any(not p.too_few and p.n_pairs > 0 and p.wilcoxon_p == p.wilcoxon_p for p in r.survey.paired)


def did_rules(r) -> tuple[str, ...]:
    """The comparison-group methods this report's payments section uses (none without a DiD)."""
    if r.project.payments is None or r.project.comparison is None:
        return ()
    pay = r.payments
    d = pay.did
    if d is None:
        return ()
    used = {"method.did.inference": True,
            "method.did.anticipation": pay.anticipation_months > 0,
            "method.did.placebo": pay.placebo is not None,
            "method.did.event_study": pay.event_study is not None and not pay.event_study.empty,
            "method.did.wild": d.wild_p_value is not None,
            "method.did.honest": r.honest is not None and not r.honest.unsolved,
            "method.did.honest_unsolved": r.honest is not None and r.honest.unsolved,
            "method.did.honest_missing": not robust_available()}
    return tuple(k for k in DID_RULES if used[k])


def _comparison_key(r) -> str:
    """The comparison group's paragraph in the unit the payments section counts: none without a DiD
    (only the amounts before and after the start), households where a household has more than one
    enrolment (the DiD's units are then households, :func:`evaltools.analysis.comparison.household_units`),
    else persons (each a household of their own)."""
    pay = r.payments
    if pay.did is None:
        return "method.comparison_none"
    return "method.comparison_households" if pay.households_merged else "method.comparison"


def _did_values(r) -> dict[str, str]:
    """The project's comparison settings that the DiD paragraphs quote."""
    c, pay = r.params.comparison, r.payments
    a = pay.anticipation_months
    return {"months": fmt_int(a, r.lang), "before": fmt_int(c.months_before, r.lang),
            "after": fmt_int(c.months_after, r.lang), "threshold": fmt_int(c.small_cluster_threshold, r.lang),
            "draws": fmt_int(WILD_BOOTSTRAP_DRAWS, r.lang), "seed": str(r.params.cost_benefit.seed),
            "reference": fmt_int(a + 1, r.lang)}


def _values(r) -> dict[str, str]:
    """The project's own settings that the cost-benefit rules quote, in the report's number formats."""
    cb, lang = r.params.cost_benefit, r.lang
    ml = cb.monthly_level
    return {"horizon": years_text(cb.horizon_years, lang), "skattefaktor": fmt_num(cb.skattefaktor, 1, lang),
            "first": fmt_int(ml.months_before_start + ml.gap_before_start, lang), "last": fmt_int(ml.gap_before_start + 1, lang),
            "deadweight": fmt_pct(cb.deadweight_default, lang, 0), "low": fmt_pct(cb.deadweight_range[0], lang, 0),
            "high": fmt_pct(cb.deadweight_range[1], lang, 0), "most": fmt_pct(DEADWEIGHT_MAX, lang, 0), "n": fmt_int(cb.persistence_min_observed, lang),
            "dropoff": fmt_pct(cb.dropoff_per_year, lang, 0), "rate": fmt_pct(cb.discount_rate, lang, 1)}


def _deadweight_key(r) -> str:
    """The deadweight's rule as this report uses it: estimated from the comparison group, set in the params
    (:func:`_own_choice` says so), or the toolkit's unsourced assumption; a report without a comparison group
    does not describe how one would be used, and one whose comparison group cannot give it (no outcomes at follow-up,
    none who could leave försörjningsstöd) does not say there is none: the assumptions table says why."""
    source = r.cba.summary.deadweight_source
    if source == "comparison":
        return "method.cb.deadweight"
    if source == "params":
        return "method.cb.deadweight_set"
    # (a comparison group that cannot give it, its file without outcomes at follow-up say: never "no comparison group")
    return "method.cb.deadweight_assumed" if r.project.comparison is None else "method.cb.deadweight_assumed_comparison"


def _own_choice(r, key: str) -> list[str]:
    """A sentence after a rule whose general case the params overrode for this report: a deadweight set
    in the params (the rule describes the comparison group's and the default's), an assumed persistence
    kept although the payments could replace it."""
    cb, lang = r.params.cost_benefit, r.lang
    if key == "method.cb.deadweight" and cb.deadweight is not None:
        return [r.msg("method.cb.deadweight_params", deadweight=value_text("deadweight", cb.deadweight, lang))]
    if key == "method.cb.persistence" and not (cb.dropoff_from_payments and cb.first_year_from_payments):
        dropoff = {"dropoff": fmt_pct(cb.dropoff_per_year, lang, 0)}
        if not (cb.dropoff_from_payments or cb.first_year_from_payments):
            return [r.msg("method.cb.persistence_params_both", **dropoff)]
        if not cb.dropoff_from_payments:
            return [r.msg("method.cb.persistence_params_dropoff", **dropoff)]
        return [r.msg("method.cb.persistence_params_first_year")]
    if key == "method.cb.saving":
        out = []
        if r.cba.summary.shared_household_leavers:
            # participants of one household who left: the rule that divides its försörjningsstöd between them, and
            # who pays each part instead (not where register data measure the state's benefits)
            parts = [] if benefits_measured(r.cba.ledger) else [r.msg("method.cb.saving_households_parts")]
            out += [r.msg("method.cb.saving_households"), *parts]
        if "pension_age" in set(r.cba.assumptions["name"]):  # (a leaver reaches the age of äldreförsörjningsstöd)
            out.append(r.msg("method.cb.saving_pension"))
        return out
    if key == "method.cb.requirement":
        # the application's own terms where its key figures give them; a structural project's "only this"; else the
        # break-even in persons the key figures give beside the person-years (a structural project has no exits)
        said = ([r.msg("method.cb.requirement_application")]
                if not pd.isna(r.cba.summary.break_even_person_years_application) else [])
        if r.cba.summary.mode == "structural":
            return [*said, r.msg("method.cb.requirement_structural")]
        return [*said, *([] if benefit_unvalued(r.cba.summary) else [r.msg("method.cb.requirement_exits")])]
    return []


def _mde_paragraph(r, m: MinimumDetectableEffect) -> str:
    """How an application's minimum detectable effect ``m`` is computed, with its power, level and spread and where
    the spread comes from (the key figures' note points here)."""
    lang = r.lang
    source = (m.sd_note or r.msg("costbenefit.kf.mde_source_params") if m.sd_source is SdSource.PARAMS
              else r.msg("method.mde_source_default"))
    return r.msg("method.mde", power=fmt_pct(m.power, lang, 0), alpha=fmt_pct(m.alpha, lang, 0),
                 sd=fmt_kr(m.sd, lang), source=source)


def paragraphs(r) -> list[str]:
    out = []
    for key in PARAGRAPHS:
        if not applies(r, key):
            continue
        if key == "method.privacy":
            out.append(r.msg(key, k=str(r.k)))
        elif key == "method.cb.costs" and _budget_alone(r):
            # (the cost is the budget alone: "utfall där det finns" is no part of this report)
            out.append(r.msg("method.cb.costs_budget"))
        elif key == "method.cb.transfers" and partners_in_budget(r.cba.costs):
            # the partners' own contributions the budget names (staff time given in kind) are counted: only their
            # time beyond it is a cost left out
            out.append(r.msg("method.cb.transfers_measured_partners") if earnings_measured(r.cba.ledger)
                       else r.msg("method.cb.transfers_partners"))
        elif key == "method.cb.transfers" and earnings_measured(r.cba.ledger):
            # (earnings measured in register data, not valued "när en lönenivå anges")
            out.append(r.msg("method.cb.transfers_measured"))
        elif key == "method.cb.ledger" and r.cba.summary.mode == "structural":
            # no exits: the cost is the only flow, and no horizon is counted over
            out.append(r.msg("method.cb.ledger_structural"))
        elif key == "method.cb.uncertainty" and r.cba.summary.exit_range is not None:
            # 1 to k − 1 exits: the range over them stands in for the simulation (docs/security.md)
            er = r.cba.summary.exit_range
            out.append(r.msg("method.cb.uncertainty_one_count") if er.one_count else  # (withheld, not a range)
                       r.msg("method.cb.uncertainty_range", k=str(r.k), high=str(er.high)) if er.few else
                       r.msg("method.cb.uncertainty_range_withheld", k=str(r.k), low=str(er.low), high=str(er.high)))
        elif key == "method.cb.uncertainty" and r.cba.summary.deadweight_source == "comparison":
            # the deadweight is drawn from the two groups' rates, not over the wide range the general rule names
            out.append(r.msg("method.cb.uncertainty_comparison"))
        elif key == "method.cb.ledger" and benefit_unvalued(r.cba.summary):
            # no exit from försörjningsstöd to value: likewise
            out.append(r.msg("method.cb.ledger_unvalued"))
        elif key.startswith("method.cb."):
            values, said = _values(r), _deadweight_key(r) if key == "method.cb.deadweight" else key
            out.append(" ".join([r.msg(said, **{k: values[k] for k in QUOTES.get(said, ())}), *_own_choice(r, key)]))
        elif key == "method.comparison":
            out.append(r.msg(_comparison_key(r)))
        elif key == "method.mde" and (m := minimum_detectable(r)) is not None:
            out.append(_mde_paragraph(r, m))
        elif key.startswith("method.did."):
            values = _did_values(r)
            out.append(r.msg(key, **{k: values[k] for k in DID_QUOTES.get(key, ())}))
        elif key == "method.goals":
            # the goal table shows a running period's share with its interval but without a test beside it; a survey
            # goal's respondents are not "everyone the goal counts"; the year a person was enrolled is said only where
            # there are participants (a structural project's survey or an application's volumes have none)
            # (the rules on shares where a share shows its interval: in the goal table, or with participants in the
            # shares per group, which the paragraph on groups says have the goal table's interval)
            shares = r.project.has_participants or _has_share_interval(r)
            key = key if shares else "method.goals_periods"
            out.append(" ".join([_goals_years(r, r.msg(key)), *([r.msg("method.goals_intake")] if r.project.has_participants else []),
                                 *([r.msg("method.goals_running")] if _has_running_share(r) else []),
                                 *([r.msg("method.goals_survey", threshold=fmt_pct(LOW_RESPONSE_RATE, r.lang, 0))]
                                   if _has_survey_share(r) else [])]))
        else:
            out.append(r.msg(key))
    return out


def _goals_years(r, text: str) -> str:
    """The goal paragraph with its first sentence, where project years count from (``method.goals_periods``), saying
    the implementation's start after a pre-study (``period.implementation_start``)."""
    per, head = r.params.period, r.msg("method.goals_periods")
    if per.prestudy is None or not text.startswith(head):
        return text
    return r.msg("method.goals_periods_implementation", implementation=fmt_date(per.years_start),
                 first=fmt_date(per.prestudy[0]), last=fmt_date(per.prestudy[1])) + text[len(head):]


def _budget_alone(r) -> bool:
    """Is the cost the budget alone: an application, a budget without any utfall, or the params' cost basis?"""
    costs = r.cba.costs
    if costs is None or costs.empty:  # (no budget: the general rule stands)
        return False
    return (project_kind(r.project) == "ansökan" or r.params.cost_benefit.cost_basis == "budget"
            or not bool(costs["actual"].notna().any()))


def _has_share_interval(r) -> bool:
    """Does the goal table show a share with its interval (not an application's expected share, which has none)?"""
    tab = r.goals.table
    if tab is None or tab.empty or "ci_low" not in tab:
        return False
    return bool(((tab["kind"] == "share") & tab["ci_low"].notna()).any())


def _has_survey_share(r) -> bool:
    """Does the goal table show a survey goal's share (those who answered, not everyone asked)?"""
    tab = r.goals.table
    if tab is None or tab.empty or "mode" not in tab:
        return False
    return bool(((tab["kind"] == "share") & (tab["mode"] == "survey")).any())


def _has_running_share(r) -> bool:
    """Does the goal table show a share for a period still running (its interval, no test against the target)?"""
    tab = r.goals.table
    if tab is None or tab.empty or "running" not in tab:
        return False
    measured = tab["mode"] != "ex_ante" if "mode" in tab else True
    return bool(((tab["kind"] == "share") & tab["running"].fillna(False).astype(bool) & measured).any())


def terms(r) -> tuple[glossary.Term, ...]:
    """The glossary's terms this report uses: of the terms its kind can have (participant terms with
    participants, cost-benefit terms with a cost-benefit calculation that values exits), those its body
    names (page 1 and the sections shown before the appendix, :attr:`Report.shown`), so that a term is
    never explained in a report that does not use it ("Pågående" where no one is still enrolled). Built
    apart from a shown body (a section asked for on its own), every term its kind can have."""
    cba = r.cba
    valued = (cba is not None and cba.costs is not None and not cba.costs.empty
              and cba.summary.mode != "structural")
    candidates = glossary.terms_for(r.project.has_participants, valued, r.lang)
    shown = getattr(r, "shown", None)
    return glossary.used_in("\n".join(shown), r.words, candidates) if shown else candidates


def _definition_key(r, term: glossary.Term) -> str:
    """A term's definition; *lämnat försörjningsstödet* without the cost-benefit calculation it names where the
    report has none (no budget: page 1 says that without a cost there is no calculation)."""
    if term.id == glossary.LEFT_FS and not costbenefit_rules(r):
        return "glossary.term.lamnat_forsorjningsstodet.definition_no_cost"
    return term.definition


def glossary_block(r) -> list:
    """The terms with their definitions, as a two-column table under its own heading."""
    words, used = r.words, terms(r)
    if not used:  # (no table without rows)
        return []
    term_col, definition_col = words.msg(glossary.TERM_COLUMN), words.msg(glossary.DEFINITION_COLUMN)
    frame = pd.DataFrame({term_col: [words.msg(x.name) for x in used],
                          definition_col: [words.msg(_definition_key(r, x)) for x in used]})
    return [Text([words.msg(glossary.INTRO)], words.msg(glossary.HEADING), 3), Table(frame)]


def blocks(r) -> list[list]:
    return [block for block in (glossary_block(r), [Text(paragraphs(r), r.msg("method.heading"), 3)]) if block]
