"""Cost-benefit: what the project cost against the försörjningsstöd it avoided, and for whom.

Method (every number is a parameter in ``params.cost_benefit`` with a sourced default; see
``docs/methods.md``):

* **Costs**: utfall (actual) where known, else budget, in one price year (KPI). A budget
  period that is a calendar year is priced in that year; ``hela`` (whole period) in the year the
  project ended; costs are discounted from the start of their period (``hela``: the project start).
* **Successful exits**: participants whose outcome is in ``success_outcomes`` (by default the
  outcomes that leave försörjningsstöd: work, subsidised work, studies, sickness or activity
  compensation, sickness benefit, another benefit). An active plan with another party does not
  end försörjningsstöd and saves nothing.
* **Benefit per exit**: the monthly försörjningsstöd avoided (own payments before start, riksnorm
  for the household plus housing, or a fixed amount), for ``horizon_years``, falling by
  ``dropoff_per_year`` each year, times (1 − deadweight), discounted monthly at ``discount_rate``
  from the exit month to the project start.
* **Deadweight**: from params if given; else from the comparison group (its success rate over the
  participants'); else the default 25 %, flagged as an assumption.
* **Perspectives**: the municipality saves the försörjningsstöd. A move to sickness or activity
  compensation, sickness benefit, studies or another benefit is paid by the state instead: a
  transfer, so the society total does not count it as a gain. Work adds earnings (only if
  ``work_earnings_sek_month`` is set): tax to the state, the rest to the individual, the whole to
  society. Project costs are shared by the Finsam members (``cost_shares``; own financing falls on
  the municipality).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from ...data import schema as S
from ..comparison import comparison_rate_tells_few, comparison_success_rates, exit_base_tells_few
from ..goals import project_successes, success_definition
from ...data.privacy import hides
from ...data.project import Project
from ...data.validation import came_back, child_without_own_support, persons_of, same_budget_line
from ...data.reference import RefValue, default, kpi, pension_age, pension_ages, price_factor
from ..result import Money, Note, Share
from ..comparison import compare_payments, reference_date_sensitivity
from ..power import expected_participants
from ..register import EARNINGS as REGISTER_EARNINGS, RegisterEffect, RegisterEffects, register_effects
from .costs import BudgetUse, CostTable, budget_use, cost_so_far, costs, price_references
from .ledger import (ASSUMED, BENEFIT_CALCULATED, BENEFIT_MEASURED, BENEFIT_PARTLY, COST, MEASURED, PER_EXIT_COLUMNS,
                     _ledger, _perspectives, benefit_basis, benefits_measured, earnings_measured)
from .model import (BENEFIT_PAYER, EMPLOYMENT_ITEMS, LEDGER_ACTORS, NO_PENSION, PERSPECTIVES, SUBSIDISED_WORK,
                    UsedAssumption, _Model, _cost_months, _first_months_from, _month, _months, _monthly_levels,
                    annuity_factor, annuity_upto, employment_streams, group_middles, is_structural, level_above_own,
                    own_level_observed, pension_months, subsidy_months)
from .persistence import (FIRST_YEAR_MONTHS, PERSISTENCE_MONTHS, Persistence, _leaver_payments, _persistence_pairs,
                          leavers, on_fs_at_start,
                          OutcomeCheck, first_year_kept, observed_dropoff, outcome_check, persistence,
                          successful_leavers)
from .summary import (CostBenefitResult, CostSummary, EffectBased, ExitRange, MonteCarlo, NpvSpread, PerspectiveRange,
                      RangeVerdict, _NO_BENEFIT, _NO_COST, _unknown)
from .uncertainty import (DEADWEIGHT_MAX, SENSITIVITY_COLUMNS, HorizonRangeSimulation, SensitivityByPerspective, Simulation,
                          SimulationDraws, _assumption_frame, _draw_dropoff, _monte_carlo, effect_spread, measured_draws,
                          pv_measured_drawn)



# the optional, sourced wage level used when value_earnings is set and no wage is given
# (defaults.csv: Medlingsinstitutet, lönestrukturstatistik 2021, P10 of monthly wages)
EARNINGS_DEFAULT = (default("work_earnings_default").value, default("work_earnings_default").year)


def _is_default(name: str, value: float) -> bool:
    """True when ``value`` is the shipped default of defaults.csv's row ``name``."""
    return abs(float(value) - default(name).value) < 1e-12


def _weak_default(name: str, value: float) -> bool:
    """True when ``value`` is the shipped default and defaults.csv marks its source weak (L or EST)."""
    d = default(name)
    return abs(float(value) - d.value) < 1e-12 and d.confidence in ("L", "EST")


def expected_outcomes(mix: dict[str, float] | None, n: int) -> list[str]:
    """The outcome of each of an application's ``n`` expected successes: ``mix``'s shares as whole
    persons (largest remainder), interleaved so that each outcome is spread over the period; without
    a mix every one is an exit to work."""
    if not mix:
        return ["arbete"] * n
    exact = {k: v * n for k, v in mix.items()}
    counts = {k: int(np.floor(x)) for k, x in exact.items()}
    for k in sorted(exact, key=lambda k: exact[k] - counts[k], reverse=True)[:n - sum(counts.values())]:
        counts[k] += 1
    # interleave: the i-th person of an outcome with count c sits at (i + 0.5) / c of the way through
    slots = sorted((((i + 0.5) / c), k) for k, c in counts.items() for i in range(c))
    return [k for _, k in slots]


def _deadweight(project: Project, info: dict, exits_withheld: bool = False) -> tuple[float, Note, bool]:
    """The deadweight, its source and whether it is an unsourced assumption: from params; else from
    the comparison group's rate of leaving over the participants' (its rates and counts go into
    ``info``), unless that rate would tell the outcome of fewer than ``privacy.min_count`` persons
    (:func:`~evaltools.analysis.comparison.comparison_rate_tells_few`), or the report withholds the count of exits
    (``exits_withheld``: the source states the participants' share who left, and the deadweight is the comparison's
    share over it, so either gives the count back beside the number ended), or the participants' share is over a
    base that tells a few (:func:`~evaltools.analysis.comparison.exit_base_tells_few`); else the default."""
    cb, k = project.params.cost_benefit, project.params.privacy.min_count
    if cb.deadweight is not None:
        return cb.deadweight, Note.of("assumption.params_file"), False
    rates = comparison_success_rates(project, cb.success_outcomes)
    if rates is not None and comparison_rate_tells_few(rates, k):  # the default, and why
        return cb.deadweight_default, Note.of("assumption.deadweight_default_few", k=k), True
    if rates is not None and rates[0] > 0 and exits_withheld:
        return cb.deadweight_default, Note.of("assumption.deadweight_default_withheld"), True
    if rates is not None and rates[0] > 0 and exit_base_tells_few(project):
        # (the participants' share is worked out over the ended who had försörjningsstöd at start: beside the
        # number ended and the exits, it would tell how many, fewer than k, had another support at start)
        return cb.deadweight_default, Note.of("assumption.deadweight_default_base", k=k), True
    if rates and rates[0] > 0:
        info["deadweight_rates"] = rates
        info["deadweight_counts"] = (round(rates[0] * rates[2]), rates[2], round(rates[1] * rates[3]), rates[3])
        # (above the largest deadweight the calculation uses, that largest is used, and its source says so)
        capped = rates[1] / rates[0] > DEADWEIGHT_MAX
        source = (Note.of("assumption.deadweight_comparison_capped", comparison=Share(rates[1]),
                          participants=Share(rates[0]), most=Share(DEADWEIGHT_MAX, 0)) if capped else
                  Note.of("assumption.deadweight_comparison", comparison=Share(rates[1]), participants=Share(rates[0])))
        return float(min(max(rates[1] / rates[0], 0.0), DEADWEIGHT_MAX)), source, False
    # (a comparison group whose file gives no outcome at follow-up is not 'no comparison group')
    # (outcomes at follow-up, but none of a person who had försörjningsstöd at the reference date: none could leave it)
    no_fs = rates is None and project.comparison is not None and project.comparison[S.OUTCOME].notna().any()
    why = ("assumption.deadweight_default" if project.comparison is None else
           "assumption.deadweight_default_no_fs" if no_fs else
           "assumption.deadweight_default_no_outcomes" if rates is None else
           "assumption.deadweight_default_no_successes")
    return cb.deadweight_default, Note.of(why), True


def _subsidised_source(n_sub: int, n_ended: int | None, k: int) -> Note:
    """The wage subsidy's source with its count of exits to subsidised work: ``n_sub`` who left försörjningsstöd
    for it (the model's), said "fewer than k" where small. The outcome table counts every exit there
    (``n_ended``, ``None`` in an application's check); where the two differ the count is not said: beside the
    table's number it would give, by difference, the few who went there from another support, and beside the table's
    hidden cell a bound on it (and so on the small counts hidden with it). Said, it is the table's number, which the
    table then shows (:func:`evaltools.present.sections.outcomes.stated_counts`)."""
    if n_ended is not None and n_sub != n_ended:
        return Note.of("assumption.wage_subsidy_source_unsaid")
    return (Note.of("assumption.wage_subsidy_source_few", k=k) if hides(n_sub, k)
            else Note.of("assumption.wage_subsidy_source", n=n_sub))


def _build(project: Project, cost_basis: str, exits_withheld: bool = False
           ) -> tuple[_Model, list[UsedAssumption], pd.DataFrame, list[RefValue], dict]:
    params, cb = project.params, project.params.cost_benefit
    ct = costs(project, cost_basis).table
    info: dict = {"deadweight_range": tuple(cb.deadweight_range), "horizon_range": tuple(cb.horizon_range),
                  "ex_ante_success_range": tuple(cb.ex_ante_success_range)}
    s0 = _month(params.period.start)
    ex_ante = not project.has_participants
    if ex_ante:
        e = params.expected
        per_year = (e.successes_per_year or 0.0) if e else 0.0
        years = (params.period.planned_end - params.period.start).days / 365.25
        n = int(round(per_year * years))
        succ = pd.DataFrame({S.PERSON_ID: [f"x{i}" for i in range(n)], S.HOUSEHOLD_TYPE: "ensamstående",
                             S.N_CHILDREN: 0.0, S.OUTCOME: expected_outcomes(e.outcome_mix if e else None, n),
                             S.START_DATE: pd.Timestamp(params.period.start)})
        # the application's successes spread evenly over the planned period, month by month
        exit_m = np.floor((np.arange(n) + 0.5) / max(n, 1) * years * 12).astype(int)
        info.update(n_ended=0, n_success=n, mode="structural" if is_structural(project) else "ex_ante")
    else:
        df = project.participants
        ended = df[~df[S.ONGOING]]
        # an exit counts only where there was försörjningsstöd to leave: a participant on sickness
        # benefit at start who returns to sickness benefit saves the municipality nothing
        fs = on_fs_at_start(project, ended)
        leaves = ended[S.OUTCOME].isin(cb.success_outcomes)
        # (those who moved on from another support: one who ends on the benefit they had at start, sickness
        # compensation to sickness compensation, has not moved on from it)
        stayed = (ended[S.OUTCOME] == ended[S.SUPPORT_START]) if S.SUPPORT_START in ended else False
        # (a child whose support is not given is no one who moved on from another support: nothing says they had one)
        other = ended[leaves & ~fs & ~stayed & ~child_without_own_support(ended)]
        # a person enrolled again after an exit came back for support: that exit saved nothing lasting, and
        # the saving is counted from their later exit (or not at all, if they have not left again)
        back = came_back(df).reindex(ended.index, fill_value=False)
        succ = ended[leaves & fs & ~back]
        exit_m = np.maximum(_first_months_from(succ[S.END_DATE]) - s0, 0).astype(int)
        unknown = int((succ[S.SUPPORT_START] == S.UNKNOWN).sum()) if S.SUPPORT_START in succ else len(succ)
        # every exit to subsidised work, as the outcome table counts them: the wage subsidy's count below is said
        # only where it is the same number (see the assumption)
        info["subsidised_ended"] = int((ended[S.OUTCOME] == SUBSIDISED_WORK).sum())
        # (the exits' count is drawn and varied as k of those who could leave: the ended who had försörjningsstöd at
        # start, as the comparison's exit rates count them; an exit to work from sickness benefit is no trial of it)
        info.update(n_ended=len(ended), n_could=int(fs.sum()), n_success=len(succ), n_participants=persons_of(df),
                    mode="observed",
                    came_back=int((leaves & fs & back).sum()),
                    other_support=tuple(other[S.SUPPORT_START].value_counts().sort_index().items()),
                    unknown_support=unknown if project.payments is None else 0,
                    work_left_out=bool(other[S.OUTCOME].isin(S.WORK_OUTCOMES).any()))
        # nobody, ended or not, had försörjningsstöd at start (each had another support, and no payments show
        # any): the supports they had, most common first, so that the report can say why no saving is counted
        if len(df) and not on_fs_at_start(project, df).any():
            info["no_fs_at_start"] = tuple(str(c) for c in df[S.SUPPORT_START].value_counts().index)
    parts, assumptions, refs = _monthly_levels(project, succ, exit_m)
    info["level_above_own"] = level_above_own(assumptions)
    info["own_level_observed"] = own_level_observed(assumptions)  # (the sensitivity's lower end of the level)
    info["shared_household_leavers"] = int(parts.shared.sum())
    refs = [*refs, *price_references(project)]  # (the KPI the costs are restated with, flagged where estimated)

    dw, dw_src, dw_flag = _deadweight(project, info, exits_withheld)
    info["deadweight_source"] = "params" if cb.deadweight is not None else ("comparison" if "deadweight_counts" in info else "default")

    # drop-off: observed persistence after exit where the payments cover enough leavers 12 months
    # (a value the evaluator chose is said to be theirs; the shipped default names its general source)
    dropoff, drop_src, drop_flag = cb.dropoff_per_year, Note.of(
        "assumption.dropoff_default_source" if _is_default("dropoff_per_year", cb.dropoff_per_year)
        else "assumption.dropoff_source"), True
    # (the leavers' payments are summed once, for the persistence table and the observed drop-off)
    leavers = successful_leavers(project) if project.has_participants and project.payments is not None else None
    prepared = _leaver_payments(project, leavers) if leavers is not None and len(leavers) else None
    # one table over the first year's months: the report's 3, 6 and 12 are rows of it (one definition)
    monthly = persistence(project, months=FIRST_YEAR_MONTHS, prepared=prepared).table if project.has_participants else None
    pers = (monthly[monthly["months_after"].isin(PERSISTENCE_MONTHS)].reset_index(drop=True)
            if monthly is not None else None)
    obs = observed_dropoff(pers, cb.persistence_min_observed) if cb.dropoff_from_payments else None
    # the first year: the observed share kept month by month where as many are followed 12 months
    first = first_year_kept(monthly, cb.persistence_min_observed) if cb.first_year_from_payments else None
    info["first_year"] = first
    if obs and leavers is not None:
        dropoff = obs[0]
        drop_src = Note.of("assumption.dropoff_observed", kept=Share(obs[1], 0), n=int(obs[2]))
        drop_flag = False
        _, paid, level = _persistence_pairs(project, leavers, 12, prepared)
        info["persistence_pairs"] = (paid[level > 0], level[level > 0])  # drawn again in the Monte Carlo
    info["dropoff_source"] = "observed" if obs else "assumed"
    info["persistence"] = pers
    info["persistence_monthly"] = monthly

    # earnings from work: the params' wage, else the optional sourced default, else not valued
    earnings, earn_src, earn_flag = float(cb.work_earnings_sek_month), Note.of("assumption.params_file"), False
    valued = True  # (a wage that is not valued has no value to list: 0 kr would read as "they earn nothing")
    if earnings == 0 and cb.value_earnings:
        f, r_ = price_factor(EARNINGS_DEFAULT[1], params.price_year, dict(params.reference.kpi))
        refs = [*refs, *r_]
        earnings = EARNINGS_DEFAULT[0] * f
        earn_src, earn_flag = Note.of("assumption.earnings_default", amount=Money(EARNINGS_DEFAULT[0]),
                                      year=str(EARNINGS_DEFAULT[1])), True
    elif earnings == 0:
        earn_src, earn_flag, valued = Note.of("assumption.not_valued"), True, False

    # costs on the monthly grid, by ledger actor: Finsam shares of the förbund's lines, own financing on the
    # kommun, a partner's co-financing on that partner
    n_cost = max([_cost_months(p, params)[1] for p in ct[S.PERIOD]] + [0]) + 1
    cost_actual = {a: np.zeros(n_cost) for a in LEDGER_ACTORS}
    cost_budget = {a: np.zeros(n_cost) for a in LEDGER_ACTORS}
    settled = ct[S.ACTUAL].notna().to_numpy() if cost_basis != "budget" else np.zeros(len(ct), bool)
    for i, line in enumerate(ct.itertuples(index=False)):
        per_month = _spread(line, params, n_cost)
        target = cost_actual if settled[i] else cost_budget
        funder = getattr(line, S.FUNDER)
        if funder in S.FUNDER_ACTOR:  # own financing or a partner's co-financing: borne by that actor alone
            target[S.FUNDER_ACTOR[funder]] += per_month
        else:
            for actor, share in cb.cost_shares.items():
                target["stat" if actor == "stat" else actor] += per_month * share

    pension_m, used = _pension(project, succ, np.asarray(exit_m, int), s0)
    assumptions += used
    payer = succ[S.OUTCOME].map(BENEFIT_PAYER).fillna("").to_numpy(str) if len(succ) else np.array([], str)
    subsidised = (succ[S.OUTCOME] == SUBSIDISED_WORK).to_numpy() if len(succ) else np.zeros(0, bool)
    model = _Model(parts.level, np.asarray(exit_m, int), payer,
                   succ[S.OUTCOME].isin(S.WORK_OUTCOMES).to_numpy(), cost_actual, cost_budget,
                   cb.horizon_years, dropoff, dw, cb.discount_rate, earnings, cb.tax_rate, cb.skattefaktor,
                   dict(cb.cost_shares), cb.tax_share_region, float(cb.wage_subsidy_sek_month),
                   cb.wage_subsidy_months / 12, subsidised, first[0] if first else None,
                   work_left_out=bool(info.get("work_left_out", False)),
                   fs_exit_m=parts.fs_month if parts.households else None, pension_m=pension_m)
    model, assumptions = _with_employment(project, model, assumptions, ct, n_cost, info["mode"] == "structural")
    model, info["register"], measured_src = _with_register(project, model)
    if measured_src is not None:  # the wage of a leaver is no longer assumed: the register measures earnings
        earnings, earn_src, earn_flag = np.nan, measured_src, False
    if first:
        fy_used = UsedAssumption("first_year_kept", float(first[0].mean()), Note.of(
            "assumption.first_year_kept_observed", month1=Share(float(first[0][0]), 0),
            month12=Share(float(first[0][-1]), 0), n=first[1]))
    else:
        # (why the assumption: no payments after exit to follow, too few followed, or switched off in the params)
        why = ("assumption.first_year_kept_no_payments" if monthly is None or monthly.empty
               else "assumption.first_year_kept_source" if cb.first_year_from_payments else "assumption.params_file")
        fy_used = UsedAssumption("first_year_kept", 1.0, Note.of(why), True)
    assumptions += [fy_used]
    assumptions += [
        UsedAssumption("horizon_years", cb.horizon_years, Note.of(
            "assumption.horizon_default_source" if _is_default("horizon_years", cb.horizon_years)
            else "assumption.horizon_source")),
        UsedAssumption("dropoff_per_year", dropoff, drop_src, drop_flag),
        UsedAssumption("deadweight", dw, dw_src, dw_flag),
        UsedAssumption("discount_rate", cb.discount_rate, Note.of("assumption.discount_source")),
        UsedAssumption("skattefaktor", cb.skattefaktor,
                       Note.of("assumption.skattefaktor_source") if cb.skattefaktor != 1 else Note.of("assumption.params_file"),
                       _weak_default("skattefaktor", cb.skattefaktor)),
        _price_year_used(params),
        UsedAssumption("work_earnings_sek_month", earnings if valued else np.nan, earn_src, earn_flag),
    ]
    if subsidised.any():  # (listed only where an exit to subsidised work makes it count)
        assumptions.append(_subsidy_used(project, int(subsidised.sum()), info.get("subsidised_ended")))
    # (listed only where earnings, and so the tax on them, count: a leaver's or an employed participant's)
    if model.earnings > 0 or model.earnings_measured or model.employed:
        assumptions += [
            UsedAssumption("tax_rate", cb.tax_rate, Note.of(
                "assumption.tax_rate_source" if _is_default("tax_rate", cb.tax_rate) else "assumption.params_file"),
                _weak_default("tax_rate", cb.tax_rate)),
            UsedAssumption("tax_share_region", cb.tax_share_region, Note.of(
                "assumption.tax_share_region_source" if _is_default("tax_share_region", cb.tax_share_region)
                else "assumption.params_file"), _weak_default("tax_share_region", cb.tax_share_region))]
    for r in refs:
        if r.flagged:
            info.setdefault("flagged_refs", []).append(r)
    return model, assumptions, ct, refs, info


def _spread(line, params, n_cost: int) -> np.ndarray:
    """A cost line's price-year cost spread evenly over its budget period's months, on a grid of ``n_cost`` months
    from the project's start (:func:`~.model._cost_months`)."""
    a, b = _cost_months(getattr(line, S.PERIOD), params)
    per_month = np.zeros(n_cost)
    per_month[a:b + 1] = line.used_fixed / (b - a + 1)
    return per_month


def _with_employment(project: Project, m: _Model, assumptions: list[UsedAssumption], ct: pd.DataFrame, n_cost: int,
                     structural: bool) -> tuple[_Model, list[UsedAssumption]]:
    """The model with the flows of the participants' employment in the project (:func:`~.model.employment_streams`)
    and the assumptions with their rows, where the params declare a budget line of the participants' own wages;
    else both as they are.

    The months of employment: the line's cost as the costs count it (price-year kr, spread as :func:`_spread`
    spreads every line) over the wage and the employer's fee on it. L, the försörjningsstöd not paid during the
    employment, is the level a leaver saves (:func:`leaver_level`: the one the summary states too)."""
    cb = project.params.cost_benefit
    wages = cb.participant_wages
    if wages is None:
        return m, assumptions
    fee = default("employer_fee_rate").value
    months = sum((_spread(line, project.params, n_cost) for line in ct.itertuples(index=False)
                  if same_budget_line(getattr(line, S.CATEGORY), wages.line)), np.zeros(n_cost))
    months = months / (wages.wage_sek_month * (1 + fee))
    level = leaver_level(m, assumptions, structural)[0]
    m = replace(m, employed=employment_streams(months, wages.wage_sek_month, fee, cb.tax_rate, cb.tax_share_region,
                                               level))
    return m, [*assumptions, *_employment_used(project, assumptions, level, fee)]


def leaver_level(m: _Model, assumptions: list[UsedAssumption], structural: bool) -> tuple[float, Note | str | None]:
    """The monthly försörjningsstöd one who leaves it saves (price-year kr) and, where it is not the leavers' own,
    its source: the mean of the model's level over the successes; without successes (or for a structural project)
    the level the calculation counts a requirement at, the ``monthly_level`` assumption's."""
    if structural or not len(m.level_by_exit):
        used = next(a for a in assumptions if a.name == "monthly_level")
        return float(used.value), used.source
    return float(m.level_by_exit.mean()), None


def _employment_used(project: Project, assumptions: list[UsedAssumption], level: float,
                     fee: float) -> list[UsedAssumption]:
    """The assumptions table's rows of the participants' employment in the project: the wage the params declare,
    the employer's fee (defaults.csv) and the försörjningsstöd not paid during the employment (the level a leaver
    saves, :func:`leaver_level`, flagged as that level is)."""
    wages = project.params.cost_benefit.participant_wages
    assert wages is not None  # (called only where the line is declared)
    level_flag = next(a.flagged for a in assumptions if a.name == "monthly_level")
    return [UsedAssumption("participant_wage_sek_month", float(wages.wage_sek_month),
                           Note.of("assumption.participant_wage_source", line=wages.line)),
            UsedAssumption("employer_fee_rate", fee, Note.of("assumption.employer_fee_rate_source"),
                           _weak_default("employer_fee_rate", fee)),
            UsedAssumption("employment_monthly_level", level, Note.of("assumption.employment_monthly_level_source"),
                           level_flag)]


def _subsidy_used(project: Project, n_subsidised: int, n_ended: int | None) -> UsedAssumption:
    """The wage subsidy as the assumptions table lists it: its amount, its source (the toolkit's estimate with the
    number of exits it is booked for, or the params file) and, where it is paid at all, for how many months after
    the exit (as page 1 says beside its amount)."""
    cb = project.params.cost_benefit
    default = "wage_subsidy_sek_month" not in cb.model_fields_set
    source = (_subsidised_source(n_subsidised, n_ended, project.params.privacy.min_count) if default
              else Note.of("assumption.params_file"))
    if cb.wage_subsidy_sek_month > 0:
        source = Note.of("assumption.wage_subsidy_months", source=source, months=subsidy_months(cb))
    return UsedAssumption("wage_subsidy_sek_month", float(cb.wage_subsidy_sek_month), source, default)


def _pension(project: Project, succ: pd.DataFrame, exit_m: np.ndarray,
             s0: int) -> tuple[np.ndarray | None, list[UsedAssumption]]:
    """The month each leaver reaches the age of äldreförsörjningsstöd, where a flow of theirs ends
    (:func:`~.model.pension_months`; None where no age is known), and its row of the assumptions table where some
    leaver reaches it within the longest horizon tested.

    An application's expected leavers have the age of its target group (``expected.age_group``), read as an age
    group in a participants file is: the group's middle, here in the month each leaves (the calculation spreads
    them over the period; when each would enrol is not known). Without the group none of their savings ends early.
    """
    group = project.params.expected.age_group if project.params.expected is not None else None
    if not project.has_participants:
        persons = succ.assign(**{S.AGE_GROUP: group, S.START_DATE: _month_starts(s0 + exit_m)}) if group else None
    else:
        persons = succ
    pension_m = pension_months(persons, s0) if persons is not None and len(persons) else None
    if pension_m is None or (pension_m >= NO_PENSION).all():
        return None, []
    n = _reach_pension(project, pension_m, exit_m)
    if not n:
        return pension_m, []
    if not project.has_participants:
        return pension_m, [_pension_used(project, n, exit_m, s0, expected=group)]
    return pension_m, [_pension_used(project, n, exit_m, s0, _by_group(succ))]


def _month_starts(months: np.ndarray) -> np.ndarray:
    """The first day of each month index (a month's ``year * 12 + month - 1``)."""
    months = np.asarray(months, int)
    return pd.to_datetime(pd.DataFrame({"year": months // 12, "month": months % 12 + 1, "day": 1})).to_numpy()


def _by_group(succ: pd.DataFrame) -> bool:
    """Whether some leaver's age is known only as an age group (its middle is taken, :func:`~.model.pension_months`)."""
    if S.AGE_GROUP not in succ:
        return False
    known = pd.Series(False, index=succ.index)
    for column in (S.BIRTH_YEAR, S.AGE):
        if column in succ:
            known |= pd.to_numeric(succ[column], errors="coerce").notna()
    return bool((~known & ~np.isnan(group_middles(succ[S.AGE_GROUP]))).any())


def _longest_horizon(project: Project) -> float:
    """The longest horizon the calculation tests (years): the horizon, or the upper end of its range."""
    cb = project.params.cost_benefit
    return float(max(cb.horizon_years, cb.horizon_range[1]))


def _reach_pension(project: Project, pension_m: np.ndarray, exit_m: np.ndarray) -> int:
    """How many leavers reach the age of äldreförsörjningsstöd within the longest horizon tested after their exit."""
    return int((pension_m - exit_m < int(round(_longest_horizon(project) * 12))).sum())


def _pension_used(project: Project, n: int, exit_m: np.ndarray, s0: int, by_group: bool = False,
                  expected: str | None = None) -> UsedAssumption:
    """The age from which the state's äldreförsörjningsstöd replaces försörjningsstöd (:func:`pension_months`),
    as the assumptions table lists it: the age in force in the last month the longest horizon tested reaches,
    and how many leavers reach it within that horizon after their exit (``n``, :func:`_reach_pension`: a count of
    persons, "fewer than k" under the small-count rule). ``expected``: an application's target group, whose
    expected leavers are counts the application expects, not persons (said with the group and its middle)."""
    k = project.params.privacy.min_count
    longest = _longest_horizon(project)
    months = int(round(longest * 12))
    last_year = (s0 + int(exit_m.max()) + months) // 12
    age = float(pension_age(np.array([last_year]))[0])
    ages = pension_ages()
    rule = tuple(Note.of("assumption.pension_age_until", age=a, last=str(ages[i + 1][0] - 1)) if i == 0 else
                 Note.of("assumption.pension_age_from", age=a, first=str(y)) if i == len(ages) - 1 else
                 Note.of("assumption.pension_age_between", age=a, first=str(y), last=str(ages[i + 1][0] - 1))
                 for i, (y, a) in enumerate(ages))
    if expected is not None:
        return UsedAssumption("pension_age", age, Note.of(
            "assumption.pension_age_expected", rule=rule, n=n, total=len(exit_m), years=float(longest),
            group=expected, middle=float(group_middles(pd.Series([expected]))[0])))
    birth = Note.of("assumption.pension_age_birth_group" if by_group else "assumption.pension_age_birth")
    note = (Note.of("assumption.pension_age_few", rule=rule, k=k, years=float(longest), birth=birth) if hides(n, k) else
            Note.of("assumption.pension_age_source", rule=rule, n=n, years=float(longest), birth=birth))
    return UsedAssumption("pension_age", age, note)


def _with_register(project: Project, m: _Model) -> tuple[_Model, RegisterEffects | None, Note | None]:
    """The model with the flows the register outcomes measure (:func:`_measured_streams`), the
    estimates, and the note that replaces the assumed wage of a leaver where earnings are measured."""
    reg = register_effects(project) if project.has_participants else None
    if reg is None or not reg.effects:
        return m, reg, None
    # (every estimate covers the same months: the start month and comparison.months_after after it)
    m = replace(m, measured=_measured_streams(reg, m, project.params), measured_months=reg.effects[0].months_after + 1,
                measured_spread={key: (i, effect_spread(e.did) / e.did.effect if e.did.effect else 0.0)
                                 for i, e in enumerate(reg.effects) for key, _ in _booked(e, m)})
    earned = reg.of(REGISTER_EARNINGS)
    if earned is None:
        return m, reg, None
    d = earned.did
    return m, reg, Note.of("assumption.earnings_measured", effect=Money(d.effect), low=Money(d.ci_low),
                           high=Money(d.ci_high), months=earned.person_months)


def _measured_streams(reg: RegisterEffects, m: _Model, params) -> dict[tuple[str, str], np.ndarray]:
    """The ledger's measured flows on the model's monthly grid (price-year kr): each estimate times
    the participant-months after the start it covers, month by month, priced in the price year.

    Each is booked as :func:`_booked` says.
    """
    s0 = _month(params.period.start)
    kpi = dict(params.reference.kpi)
    out: dict[tuple[str, str], np.ndarray] = {}

    def add(key: tuple[str, str], flow: np.ndarray) -> None:
        have = out.get(key, np.zeros(0))
        n = max(len(have), len(flow))
        out[key] = np.pad(have, (0, n - len(have))) + np.pad(flow, (0, n - len(flow)))

    for e in reg.effects:
        # (a start before the project's first month is booked from that month)
        k = np.clip(np.array([_month(t) - s0 for t in e.post_months.index], int), 0, None)
        factor = np.array([price_factor(t.year, params.price_year, kpi)[0] for t in e.post_months.index])
        flow = np.zeros(int(k.max()) + 1 if len(k) else 1)
        np.add.at(flow, k, e.did.effect * e.post_months.to_numpy(float) * factor)
        for key, times in _booked(e, m):
            add(key, times * flow)
    return out


def _booked(e: RegisterEffect, m: _Model) -> tuple[tuple[tuple[str, str], float], ...]:
    """The ledger's (item, actor) pairs a register estimate's flow is booked on, each with its multiple of the
    flow: earnings are the individual's, with the income tax (the model's rates, an assumption) to the
    municipality and the region; a benefit is paid by its actor to the individual (a transfer)."""
    if e.outcome == REGISTER_EARNINGS:
        split = m._tax_split()
        return ((("arbetsinkomst", "individ"), 1.0), (("skatt", "individ"), -m.tax),
                (("skatt", "kommun"), split["kommun"]), (("skatt", "region"), split["region"]))
    return (((f"ersattning_{e.actor}", e.actor), -1.0), ((f"ersattning_{e.actor}", "individ"), 1.0))


def _price_year_used(params) -> UsedAssumption:
    """The price year, flagged when SCB's KPI for it is not in the reference data (a price year after
    the last published year: another year's index stands in) or is an estimate."""
    py = params.price_year
    ref = kpi(py, dict(params.reference.kpi))
    if ref.confidence == "FALLBACK":
        return UsedAssumption("price_year", py, Note.of("assumption.price_year_fallback", year=str(py),
                                                        near=str(ref.fallback_from)), True)
    if ref.confidence not in ("H", "M", "params"):
        return UsedAssumption("price_year", py, Note.of("assumption.price_year_estimate", year=str(py)), True)
    return UsedAssumption("price_year", py, Note.of("assumption.price_year_source"))

def cost_benefit(project: Project, *, cost_basis: str | None = None, monte_carlo: bool = True,
                 effect: bool = True, payments=None, reference_dates: pd.DataFrame | None = None,
                 lang: str | None = None, exits_withheld: bool = False) -> CostBenefitResult:
    """Does the project pay for itself, and for whom? Costs against the försörjningsstöd it
    avoided, per perspective, from one ledger of flows between actors.

    Parameters
    ----------
    project
        A loaded project (for what-if assumptions: ``project.with_params(cost_benefit={...})``).
    cost_basis
        ``"actual_else_budget"`` or ``"budget"``; default from ``params.cost_benefit.cost_basis``.
    monte_carlo
        Also draw the uncertain assumptions at random (seeded) for P(NPV > 0) per perspective.
    effect
        Also compute the effect-based estimate from the comparison group (see :func:`effect_based`).
    payments
        A :class:`~evaltools.analysis.comparison.ComparisonResult` already computed for this project, so the
        difference-in-differences is not estimated a second time.
    reference_dates
        :func:`~evaltools.analysis.comparison.reference_date_sensitivity` already computed for this
        project (the effect-based simulation draws the reference date too).
    lang
        ``"sv"`` or ``"en"``: the language of the main goal's name in the success definition;
        default: the params file's. (Sources and notes are worded where they are shown.)
    exits_withheld
        The report withholds the count of exits from försörjningsstöd
        (:func:`evaltools.analysis.disclosure.exits_withheld`): the deadweight is then not worked out from the
        comparison group, whose share over the participants' would give it. The evaluator's own call keeps the
        default ``False`` and so the deadweight the data give.

    Returns
    -------
    CostBenefitResult
        ``table``: one row per perspective (kommun, region, stat, fk, individ, offentliga,
        samhälle) with cost borne, benefit, NPV, BCR, payback, break-even exits and switching
        deadweight, all present values in the price year's prices. ``ledger``: every flow per
        actor. ``summary``: costs (nominal and price-year), counts, and the lead perspective's
        figures (:class:`CostSummary`; ``summary.perspective`` says whose). ``assumptions``, ``sensitivity`` (lead perspective,
        one at a time), ``monte_carlo`` (P(NPV > 0) per perspective; seeded), ``persistence``.

    Examples
    --------
    >>> cba = et.cost_benefit(project)  # doctest: +SKIP
    >>> cba.table.set_index("perspective").loc["offentliga", "npv"]  # doctest: +SKIP
    >>> et.cost_benefit(project.with_params(cost_benefit={"deadweight": 0.5}))  # doctest: +SKIP
    """
    lang = lang or project.params.language
    cost_basis = cost_basis or project.params.cost_benefit.cost_basis
    m, assumptions, ct, refs, info = _build(project, cost_basis, exits_withheld)
    cb = project.params.cost_benefit
    lead = cb.lead_perspective
    structural = info["mode"] == "structural"
    total_nominal = float(ct["used"].sum()) if len(ct) else 0.0
    # a cost per person of a running project: what is paid so far over the persons so far — those of the
    # budget periods it is paid for, where the settled lines are whole periods before the others
    paid = cost_so_far(ct, project.params.runs_on, cost_basis, project.params)
    per_person = total_nominal if paid is None else paid.paid
    through = paid.through if paid is not None else None
    total_fixed = float(ct["used_fixed"].sum()) if len(ct) else 0.0
    ledger, streams = _ledger(m)
    n_p = info.get("n_participants", 0)
    n_s = info.get("n_success", 0)
    n_p_paid, n_s_paid = n_p, n_s  # (the persons a cost per person divides by)
    if through is not None and project.has_participants:
        df = project.participants
        n_p_paid = persons_of(df[df[S.START_DATE] <= pd.Timestamp(through)])
        n_s_paid = int(leavers(project, df, cb.success_outcomes, through).sum())
    persp = _perspectives(m, ledger, streams, n_s)
    per_exit, persp = persp[["perspective", *PER_EXIT_COLUMNS]], persp.drop(columns=list(PER_EXIT_COLUMNS))
    # (without leavers: the level a requirement is counted at, with its source)
    mean_level, level_note = leaver_level(m, assumptions, structural)
    n_goal_paid = 0
    if project.has_participants:  # successes as the project itself defines them (its main goal's numerator)
        successes = project_successes(project, lang)
        n_goal, definition = successes.successes, successes.definition
        n_goal_paid = project_successes(project, lang, through).successes if through is not None else n_goal
    else:
        n_goal, definition = n_s, success_definition(project.params, lang)
        n_goal_paid = n_goal
    row = persp.set_index("perspective").loc[lead]
    ml = cb.monthly_level
    # (only where the params state the application's own level: never the shipped default's)
    app_terms = (info["mode"] in ("ex_ante", "structural") and ml.method == "fixed" and ml.amount_sek
                 and ml.by_municipality is None and "monthly_level" in cb.model_fields_set)
    no_cost = not len(ct)  # no budget file: the cost is unknown, not 0 kr, and so is every figure built on it
    summary = CostSummary(
        mode=info["mode"],
        perspective=lead,
        price_year=project.params.price_year,
        total_cost_nominal=total_nominal,
        total_cost_fixed=total_fixed,
        budget_total=float(ct[S.BUDGET].sum()) if len(ct) else 0.0,
        actual_total=float(ct[S.ACTUAL].sum()) if len(ct) and ct[S.ACTUAL].notna().any() else np.nan,
        participants=n_p,
        ended=info.get("n_ended", 0),
        successes=n_s,
        # (an application: its budget over the participants it expects, as the goal table counts them)
        cost_per_participant=(per_person / n_p_paid if n_p_paid else per_person / expected
                              if info["mode"] == "ex_ante" and (expected := expected_participants(project)) else np.nan),
        success_definition=definition,
        goal_successes=n_goal,
        cost_per_success=per_person / n_goal_paid if n_goal_paid else np.nan,
        cost_per_exit_from_fs=per_person / n_s_paid if n_s_paid else np.nan,
        monthly_level=mean_level,
        pv_cost=float(row["pv_cost"]),
        pv_skattefaktor=float(row["pv_skattefaktor"]),
        pv_avoided_fs=m.pv_fs() if n_s else 0.0,
        pv_benefit=float(row["pv_benefit"]),
        npv=float(row["npv"]),
        bcr=float(row["bcr"]),
        payback_months=float(row["payback_months"]),
        break_even_exits=float(row["break_even_exits"]),
        # person-years without försörjningsstöd (and without another public benefit) that carry the
        # cost for the public financiers: price-year cost over the price-year level, same basis
        break_even_person_years=total_fixed / (mean_level * 12) if mean_level > 0 else np.nan,
        # the same in the application's own terms: its nominal budget over its own monthly level
        break_even_person_years_application=(total_nominal / (ml.one_amount * 12)) if app_terms and ml.one_amount else np.nan,
        switching_deadweight=float(row["switching_deadweight"]),
        deadweight=m.deadweight,
        deadweight_source=info["deadweight_source"],
        dropoff_source=info["dropoff_source"],
        earnings_valued=bool(m.earnings > 0 or m.earnings_measured),
        skattefaktor=m.skattefaktor,
        has_comparison=project.comparison is not None,
        level_source=level_note,
        first_year_kept=float(m.first_year.mean()) if m.first_year is not None else 1.0,
        first_year_source="observed" if m.first_year is not None else "assumed",
        other_support=tuple((str(c), int(n)) for c, n in info.get("other_support", ())),
        measured_months=m.measured_months if m.measured else 0,
        unknown_support=int(info.get("unknown_support", 0)),
        per_person_so_far=paid is not None,
        per_person_through=through,
        cost_per_person_basis=per_person if paid is not None else np.nan,
        participants_paid=n_p_paid if paid is not None else None,
        goal_successes_paid=n_goal_paid if paid is not None else None,
        successes_paid=n_s_paid if paid is not None else None,
        came_back=int(info.get("came_back", 0)),
        no_fs_at_start=tuple(info.get("no_fs_at_start", ())),
        exits_to_state_benefit=int((m.payer != "").sum()),
        shared_household_leavers=int(info.get("shared_household_leavers", 0)),
        level_above_own=info.get("level_above_own"),
    )
    if no_cost:
        summary = replace(summary, **_unknown(_NO_COST))
        persp[["pv_cost", "pv_skattefaktor", "npv", "bcr", "payback_months", "break_even_exits", "switching_deadweight"]] = np.nan
    # every exit that moved on was from another support than försörjningsstöd (sickness benefit, activity
    # compensation): what the project saved in that support is not valued, so its benefit is unknown, not 0 kr,
    # and no net present value, ratio, payback or break-even is stated, as for a structural project
    unvalued = info["mode"] == "observed" and not n_s and bool(info.get("other_support"))
    if structural or unvalued:  # no exits to value: the cost and what it would take to carry it, nothing more
        persp[list(_NO_BENEFIT)] = np.nan
        summary = replace(summary, **_unknown(_NO_BENEFIT))
    if info["mode"] == "observed" and hides(n_s, project.params.privacy.min_count) and not no_cost:
        summary = replace(summary, exit_range=exit_range(persp, per_exit, n_s, lead, 1,
                                                         project.params.privacy.min_count - 1))
    # one perspective at a time (the what-if panel's tornado follows the perspective chosen); the lead's is the report's
    sens_by: Mapping[str, pd.DataFrame] = (
        SensitivityByPerspective(m, info, cb, frozenset(persp.loc[persp["npv"].isna(), "perspective"]))
        if (n_s and not structural)
        else {p: pd.DataFrame(columns=SENSITIVITY_COLUMNS) for p in PERSPECTIVES})
    sens = sens_by[lead]
    # nothing to simulate without a benefit (no exit from försörjningsstöd yet, or every leaver had
    # another support at the start): every draw would be the cost, the sensitivity is left out likewise
    mc, sim = (_monte_carlo(m, info, cb.monte_carlo_draws, cb.seed, lead, cb.optimism_bias)
               if monte_carlo and not structural and len(ct) and n_s else (None, None))
    if mc is not None and sim is not None:
        # a perspective whose net present value is not stated (the individual's, where earnings are measured over
        # fewer months than the saving is counted) has no simulated spread either: its draws would be the same
        # unlike quantities the table leaves out (the lead perspective's is kept: its draws are the simulation's)
        unstated = set(persp.loc[persp["npv"].isna(), "perspective"]) - {lead}
        if unstated & set(mc.by_perspective):
            mc = replace(mc, by_perspective={p: v for p, v in mc.by_perspective.items() if p not in unstated})
            hr = sim.horizon_range
            if hr is not None:
                sim = replace(sim, horizon_range=replace(hr, p_npv_positive={
                    p: v for p, v in hr.p_npv_positive.items() if p not in unstated}))
    by = mc.by_perspective if mc is not None else {}
    persp["p_npv_positive"] = [by[p].p_npv_positive if p in by and not pd.isna(n) else np.nan
                               for p, n in zip(persp["perspective"], persp["npv"])]
    a_df = _assumption_frame(assumptions, cb, tested=bool(n_s) and not structural, info=info)
    # one row per reference value used: which value (what) is part of it, so that two riksnorm parts of
    # the same amount stay two rows
    ref_df = pd.DataFrame([r.__dict__ for r in {(r.what, r.value, r.year, r.source, r.note): r for r in refs}.values()])
    eb = effect_based(project, m, draws=cb.monte_carlo_draws if monte_carlo else 0, seed=cb.seed,
                      payments=payments, perspective=lead, reference_dates=reference_dates) if effect else None
    return CostBenefitResult(persp, persp, (), summary=summary, assumptions=a_df, costs=ct, per_exit=per_exit,
                             sensitivity=sens, sensitivity_by_perspective=sens_by, monte_carlo=mc,
                             reference_values=ref_df, effect_based=eb,
                             ledger=ledger, persistence=info.get("persistence"),
                             persistence_monthly=info.get("persistence_monthly"), simulation=sim,
                             outcome_check=outcome_check(info.get("persistence_monthly"), n_s) if project.has_participants else None,
                             budget_use=budget_use(ct), register=info.get("register"))


def exit_range(table: pd.DataFrame, per_exit: pd.DataFrame, n: int, lead: str, low: int, high: int,
               few: bool = True) -> ExitRange:
    """Each perspective's benefit, net present value and benefit-cost ratio at ``low`` and at ``high`` exits from
    försörjningsstöd (1 and k − 1 where the exits are few; see :func:`published` for a count of k or more), from its figures at the ``n`` exits counted and what one exit adds (``per_exit``: the
    ledger's :data:`~.ledger.PER_EXIT_COLUMNS`). The benefit at ``c`` exits is the benefit less ``n − c``
    exits' worth; the NPV and the ratio's benefit likewise, with society's skattefaktor on the public savings.

    Examples
    --------
    A cost of 300 000 kr, no measured flows, 3 exits worth 65 000 kr each (benefit 195 000 kr, NPV −105 000 kr):
    at 1 exit the benefit is 65 000 kr and the NPV −235 000 kr, at 4 exits 260 000 kr and −40 000 kr.

    >>> t = pd.DataFrame({"perspective": ["kommun"], "pv_cost": [300e3], "pv_benefit": [195e3], "npv": [-105e3],
    ...                   "bcr": [0.65], "break_even_exits": [300e3 / 65e3]})
    >>> e = pd.DataFrame({"perspective": ["kommun"], "benefit_per_exit": [65e3], "net_per_exit": [65e3],
    ...                   "ratio_cost": [300e3]})
    >>> r = exit_range(t, e, 3, "kommun", 1, 4).lead
    >>> (r.benefit_low, r.benefit_high, r.npv_low, r.npv_high, r.verdict.value)
    (65000.0, 260000.0, -235000.0, -40000.0, 'not_covered')
    """
    extra = per_exit.set_index("perspective")
    out = []
    for row in table.itertuples(index=False):
        p = row.perspective
        b1, net1, cost = (float(extra.loc[p, c]) for c in PER_EXIT_COLUMNS[:3])
        carried = float(extra.loc[p, "exit_cost"]) if "exit_cost" in extra.columns else cost
        benefit = float(row.pv_benefit)
        npv = float(row.npv)
        at = {c: (benefit + (c - n) * b1, npv + (c - n) * net1,
                  (float(row.bcr) * cost + (c - n) * net1) / cost if cost > 0 and not np.isnan(row.bcr) else np.nan)
              for c in (low, high)}
        (b_lo, n_lo, r_lo), (b_hi, n_hi, r_hi) = at[low], at[high]
        verdict = (None if np.isnan(n_lo) or np.isnan(n_hi) else RangeVerdict.COVERED if n_lo > 0
                   else RangeVerdict.NOT_COVERED if n_hi <= 0 else RangeVerdict.DEPENDS)
        out.append(PerspectiveRange(p, b1, b_lo, b_hi, n_lo, n_hi, r_lo, r_hi, float(row.break_even_exits), verdict,
                                    carried, float(row.pv_cost)))
    return ExitRange(low, high, lead, tuple(out), few=few)


# the figures of the cost-benefit's table that move with the number of exits (the cost and the break-even do not)
_COUNT_FIGURES = ("pv_benefit", "pv_skattefaktor", "npv", "bcr", "payback_months", "switching_deadweight",
                  "p_npv_positive")


def published(result: CostBenefitResult, between: tuple[int, int] | None = None, public: bool = False
              ) -> CostBenefitResult:
    """``result`` as a report publishes it: where the exits from försörjningsstöd are 1 to k − 1
    (``summary.exit_range`` is set), without the figures that are that count times a stated amount or move
    with it — the benefit, net present value, ratio, payback, switching deadweight and the skattefaktor's
    effect of every perspective, the ledger's flows but the cost and the participants' employment in the project,
    the sensitivity and the simulation — so that no page, sheet or chart can give the count back; the range stands
    in their place. Otherwise ``result``.

    ``between`` is for a count of k or more that the report withholds all the same
    (:func:`evaltools.analysis.disclosure.exit_counts`: those who ended without leaving it, or the participants,
    are few): the benefit of that count is as exact a measure of it, so the figures are given over the counts
    ``between`` holds, the counts the published figures leave open, in the same way.

    A range must span two counts at least: where it holds one (:attr:`ExitRange.one_count`, a threshold of 2),
    its ends are the exact figures, so they are withheld too (NaN) for every perspective whose benefit or net
    one exit moves; the value of one exit, the break-even and the verdict (which follows from it) stay.

    ``public`` is for a count of 1 to k − 1 that a goal of the project publishes all the same
    (:func:`evaltools.analysis.disclosure.exits_public`: an outcome goal, or a share goal's numerators, counting the
    same exits): the count is the project's accounting to its funder, so the exact figures are published and no
    range stands in for them.

    The analysis keeps the exact figures (:func:`cost_benefit`); page 1, the sections, the workbook, the
    what-if panel and the portfolio read this one.
    """
    s = result.summary
    if public:
        return result if s is None or s.exit_range is None else replace(result, summary=replace(s, exit_range=None))
    if (s is not None and s.exit_range is None and between is not None and s.mode == "observed" and s.successes
            and not np.isnan(s.npv) and result.per_exit is not None):
        s = replace(s, exit_range=exit_range(result.table, result.per_exit, s.successes, s.perspective, *between,
                                            few=False))
        result = replace(result, summary=s)
    if s is None or s.exit_range is None:
        return result
    er = s.exit_range
    if er.one_count:  # (one count: the range's ends are the exact figures; see ExitRange.one_count)
        hidden: dict[str, Any] = dict.fromkeys(("benefit_low", "benefit_high", "npv_low", "npv_high", "bcr_low",
                                                "bcr_high"), np.nan)
        # (a perspective's figures stay where one exit moves neither its benefit nor its net: society's benefit may
        # be 0 kr an exit while the skattefaktor on the public net moves its net, which the range cannot show here)
        extra = result.per_exit.set_index("perspective") if result.per_exit is not None else None
        moves = {p: extra is None or p not in extra.index or abs(float(extra.loc[p, "benefit_per_exit"])) >= 0.5
                 or abs(float(extra.loc[p, "net_per_exit"])) >= 0.5 for p in (pr.perspective for pr in er.by_perspective)}
        s = replace(s, exit_range=replace(er, by_perspective=tuple(
            replace(pr, **hidden) if moves[pr.perspective] else pr for pr in er.by_perspective)))
    blank: dict[str, Any] = dict.fromkeys(("pv_avoided_fs", "pv_benefit", "npv", "bcr", "payback_months",
                                           "switching_deadweight", "pv_skattefaktor"), np.nan)
    table = result.table.copy()
    table[[c for c in _COUNT_FIGURES if c in table]] = np.nan
    ledger = result.ledger
    if ledger is not None:
        ledger = ledger.copy()
        # (the cost and the participants' employment in the project do not move with the exits: they stay)
        ledger.loc[~ledger["item"].isin(("projektkostnad", *EMPLOYMENT_ITEMS)), "pv"] = np.nan
    empty = pd.DataFrame(columns=SENSITIVITY_COLUMNS)
    return replace(result, table=table, summary=replace(s, **blank), ledger=ledger, sensitivity=empty,
                   sensitivity_by_perspective={p: empty for p in PERSPECTIVES}, monte_carlo=None, simulation=None)


def effect_based(project: Project, m: _Model | None = None, draws: int = 5000, seed: int = 0,
                 payments=None, perspective: str = "offentliga",
                 reference_dates: pd.DataFrame | None = None) -> EffectBased | None:
    """A second estimate of the benefit, from the project's own measured effect.

    Where a comparison group exists, the difference-in-differences estimate (kr per participant
    and month after the start) replaces the exits-times-level model: the payments of every participant the
    payments follow (:meth:`~evaltools.data.project.Project.paid_persons`, the DiD's own participants)
    are taken to fall by that amount from their start month, for the same horizon, drop-off and
    discounting. No deadweight is applied: the comparison group already shows what would have
    happened anyway. The Monte Carlo draws the effect from its sampling distribution (normal,
    the DiD's cluster-robust standard error; below the few-clusters threshold as wide as the wild
    bootstrap interval) together with drop-off (the discount rate is held, as in the main simulation), so the
    estimate's own uncertainty reaches P(NPV > 0); each draw also takes one of the comparison
    persons' reference dates that :func:`~evaltools.analysis.comparison.reference_date_sensitivity`
    tries (the estimate at that date, minus the main estimate, is added), so the matching of dates
    adds its uncertainty too. The horizon is held at the NPV's. ``None`` without a comparison group.

    The measured fall in försörjningsstöd is the municipality's gross saving (``pv_avoided_fs``).
    For ``perspective`` it is split between the actors as the main calculation splits its exits'
    saving (``share_of_saving``: the perspective's benefit per kr of the municipality's saving,
    e.g. less the state benefits paid instead for the public financiers, 0 for society when
    earnings are not valued); the cost is the same perspective's. So ``pv_benefit − pv_cost = npv``
    for one perspective, comparable row by row with the main calculation.
    """
    if project.comparison is None or project.payments is None or not project.has_participants:
        return None
    payments = payments if payments is not None else compare_payments(project)
    did = payments.did
    if did is None:
        return None
    if m is None:
        m = _build(project, project.params.cost_benefit.cost_basis)[0]
    params = project.params
    # the effect is measured on the participants the payments follow (the DiD's panel): a participant the payments
    # file does not show (on sickness benefit, or paid where the file cannot tell) is not taken to have it
    followed = project.paid_persons()
    if not len(followed):
        return None
    start = followed[S.START_DATE]
    year = int(start.dt.year.median())
    factor = price_factor(year, params.price_year, dict(params.reference.kpi))[0]
    # försörjningsstöd is paid per household, and each member's payment rows carry the household's
    # payments (docs/data-contract.md): the effect per participant is a fall in a household's payments,
    # so it is applied once per household, from its first participant's start (a person enrolled twice
    # is one household too; without household_id every person is their own)
    # (and it ends where the household's first member to reach it reaches the age of äldreförsörjningsstöd)
    s0 = _month(params.period.start)
    people = followed.assign(_m=_months(start), _p=pension_months(followed, s0))
    first = people.groupby(people[S.HOUSEHOLD_ID].astype(str), sort=False).agg(m=("_m", "min"), p=("_p", "min"))
    first_m = np.maximum(first["m"].to_numpy() - s0, 0)
    t_household = first_m.astype(float) / 12
    h_months = int(round(m.horizon * 12))
    left = np.clip(first["p"].to_numpy() - first_m, 0, h_months)
    cut = bool((left < h_months).any())
    groups, inverse = np.unique(np.column_stack([t_household, left]), axis=0, return_inverse=True)
    t_unique, left_unique = groups[:, 0], groups[:, 1].astype(int)
    count = np.bincount(inverse.ravel(), minlength=len(t_unique)).astype(float)

    def pv(effect, dropoff, rate):
        effect, dropoff, rate = (np.asarray(x, float).ravel() for x in (effect, dropoff, rate))
        disc = count[None, :] / (1 + rate.reshape(-1, 1)) ** t_unique[None, :]
        if not cut:  # (every household over the whole horizon)
            return -effect * factor * annuity_factor(m.horizon, dropoff, rate) * disc.sum(axis=1)
        return -effect * factor * (annuity_upto(left_unique[None, :], dropoff, rate) * disc).sum(axis=1)

    pv_fs = float(pv(did.effect, m.dropoff, m.rate)[0])
    base_fs = m.pv_fs()
    # (flows measured from register outcomes and those of the participants' employment in the project are the same
    # in both calculations: added, never scaled)
    extra = m.pv_no_exit(perspective)
    share = (m.pv_benefit(perspective) - extra) / base_fs if base_fs else np.nan
    pv_b = pv_fs * share + extra
    pv_c = m.pv_costs(perspective)
    society = perspective == "samhälle"
    # society's skattefaktor, as in the main calculation's ledger: on the net effect on public budgets,
    # with the measured saving; in the ratio on the side each part comes from
    sf = m.skattefaktor - 1 if society and m.pv_costs("offentliga") else 0.0
    public_extra = m.pv_no_exit("offentliga")
    public_share = (m.pv_benefit("offentliga") - public_extra) / base_fs if base_fs else np.nan
    public_cost = m.pv_costs("offentliga")

    def public_benefit(fs):
        return fs * public_share + public_extra

    pv_sf = -sf * (public_cost - public_benefit(pv_fs)) if society else np.nan
    c_ratio, b_ratio = pv_c + sf * public_cost, pv_b + sf * public_benefit(pv_fs)
    out = EffectBased(did.effect, did.se, did.ci_low, did.ci_high, factor, perspective, float(m.horizon), pv_fs, share,
                      pv_b, pv_c, pv_b - pv_c + (pv_sf if society else 0.0), b_ratio / c_ratio if c_ratio > 0 else np.nan,
                      int(len(start)),
                      # the placebo before the start rejected: the DiD, and this estimate built on it, are not reliable
                      bool(payments.parallel_trends_doubtful), pv_measured=m.pv_measured(perspective), pv_skattefaktor=pv_sf,
                      households=int(len(t_household)), enrolled=int(len(project.participants)))
    if draws and not np.isnan(share):
        rng = np.random.default_rng(seed + 1)
        eff = rng.normal(did.effect, effect_spread(did), draws)
        dropoff = _draw_dropoff(rng, m.dropoff, draws)
        rate = np.full(draws, m.rate)  # the discount rate is a fixed choice, varied one at a time only
        ref = reference_dates if reference_dates is not None else reference_date_sensitivity(project)
        if ref is not None and len(ref):  # the reference date drawn among those tried, each equally likely
            offsets = ref["effect"].to_numpy(float) - did.effect
            eff = eff + rng.choice(offsets, draws)
            out = replace(out, reference_low=float(ref["effect"].min()), reference_high=float(ref["effect"].max()))
        fs_drawn = pv(eff, dropoff, rate)
        # (the register estimates drawn too, after the draws above, as in the main simulation)
        z = measured_draws(m, rng, draws)
        # (society's skattefaktor follows each draw's public saving)
        # (the participants' employment in the project held, as in the main simulation)
        npv = (fs_drawn * share + pv_measured_drawn(m, perspective, z) + m.pv_employed(perspective) - pv_c
               - sf * (public_cost - (fs_drawn * public_share + pv_measured_drawn(m, "offentliga", z)
                                      + m.pv_employed("offentliga"))))
        out = replace(out, p_npv_positive=float((npv > 0).mean()), npv_p05=float(np.quantile(npv, 0.05)),
                      npv_p95=float(np.quantile(npv, 0.95)), draws=draws)
    return out


__all__ = ["EMPLOYMENT_ITEMS", "ASSUMED", "BENEFIT_CALCULATED", "BENEFIT_MEASURED", "BENEFIT_PARTLY", "benefit_basis", "benefits_measured",
           "earnings_measured", "BENEFIT_PAYER", "COST", "MEASURED", "BudgetUse", "CostBenefitResult", "CostSummary", "CostTable", "EARNINGS_DEFAULT", "EffectBased",
           "ExitRange", "HorizonRangeSimulation", "LEDGER_ACTORS", "PerspectiveRange", "RangeVerdict", "published", "exit_range", "MonteCarlo", "NpvSpread", "OutcomeCheck", "PERSISTENCE_MONTHS", "PERSPECTIVES",
           "FIRST_YEAR_MONTHS", "Persistence", "SENSITIVITY_COLUMNS", "SUBSIDISED_WORK", "Simulation", "SimulationDraws", "UsedAssumption",
           "annuity_factor", "budget_use", "cost_benefit", "costs", "effect_based", "expected_outcomes", "is_structural",
           "first_year_kept", "observed_dropoff", "outcome_check", "persistence"]
