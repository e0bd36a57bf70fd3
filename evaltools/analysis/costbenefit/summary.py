"""The cost-benefit's typed results: the headline figures, the simulation's spread, the
effect-based estimate and the result object that carries them."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import numpy as np
import pandas as pd

from ..goals import SuccessDefinition
from ..result import Note, Result, _jsonable, frame_records
from ..register import RegisterEffects
from .costs import BudgetUse
from .persistence import OutcomeCheck



# --- the analysis ---------------------------------------------------------------------
_NO_COST = ("total_cost_nominal", "total_cost_fixed", "budget_total", "cost_per_participant", "cost_per_success",
            "cost_per_exit_from_fs", "pv_cost", "pv_skattefaktor", "npv", "bcr", "payback_months", "break_even_exits",
            "break_even_person_years", "break_even_person_years_application", "switching_deadweight")
_NO_BENEFIT = ("pv_benefit", "npv", "bcr", "payback_months", "break_even_exits", "switching_deadweight")


def _unknown(names: tuple[str, ...]) -> dict[str, Any]:
    """The figures ``names`` as unknown (NaN), for :func:`dataclasses.replace`."""
    return dict.fromkeys(names, np.nan)


class RangeVerdict(StrEnum):
    """Whether a perspective's net present value is on one side of zero at every number of exits a range
    covers (:class:`ExitRange`)."""

    COVERED = "covered"  # positive at every count: the saving carries the cost whatever the exact number
    NOT_COVERED = "not_covered"  # zero or negative at every count: the cost is not carried
    DEPENDS = "depends"  # negative at the smallest count, positive at the largest: it turns on the exact number


@dataclass(frozen=True)
class PerspectiveRange:
    """One perspective's figures over the numbers of exits an :class:`ExitRange` covers (kronor, present
    value in the price year's prices; ``*_low`` at the smallest count, ``*_high`` at the largest).

    ``per_exit`` is what one exit from försörjningsstöd adds to the perspective's benefit (the mean over
    the project's exits: the monthly level over the horizon, with drop-off, deadweight and discounting);
    ``break_even_exits`` the exits that carry the cost, as in the perspectives' table. Neither is the
    number of exits. ``verdict`` is ``None`` where the perspective's benefit is not valued. ``pv_cost`` is the
    perspective's cost; ``skattefaktor_low`` and ``skattefaktor_high`` the skattefaktor's effect at either end. ``exit_cost`` is
    the cost the ``break_even_exits`` carry: the perspective's cost, for society with the skattefaktor on the
    public cost, less any flows measured from register outcomes (which come with no exit)."""

    perspective: str
    per_exit: float
    benefit_low: float
    benefit_high: float
    npv_low: float
    npv_high: float
    bcr_low: float
    bcr_high: float
    break_even_exits: float
    verdict: RangeVerdict | None
    exit_cost: float = float("nan")
    pv_cost: float = float("nan")  # the perspective's cost (present value), as in the perspectives' table

    @property
    def skattefaktor_low(self) -> float:
        """The skattefaktor's effect on the net present value at the smallest count: what the net holds beyond the
        benefit less the cost (society's; 0 kr for every other perspective), so that a row of the range adds up."""
        return self.npv_low - self.benefit_low + self.pv_cost

    @property
    def skattefaktor_high(self) -> float:
        """The skattefaktor's effect at the largest count (:attr:`skattefaktor_low`)."""
        return self.npv_high - self.benefit_high + self.pv_cost

    @property
    def flat(self) -> bool:
        """Whether one exit adds nothing to the benefit nor the net present value (0 kr, in whole kronor): the
        figures are the same at every count of exits, say nothing of the count and are stated as one figure.
        (Society's benefit may be 0 kr an exit while its net present value moves with the count, through the
        skattefaktor on the public budgets' net cost: that is a range.)"""
        return abs(self.per_exit) < 0.5 and abs(self.npv_high - self.npv_low) < 0.5


@dataclass(frozen=True)
class ExitRange:
    """Where the exits from försörjningsstöd the benefit counts are 1 to ``privacy.min_count`` − 1, the
    benefit, net present value and benefit-cost ratio at every count the project could have, ``low`` to
    ``high`` (1 to k − 1), per perspective: the exact figures are the count times a stated value of one
    exit and would give the count back, so a report states this range instead (docs/security.md).

    The figures are linear in the count: the benefit of ``n`` exits is the measured flows (which come with
    no exit) plus ``n`` × ``per_exit``; the net present value at ``n`` is zero at ``break_even_exits``."""

    low: int
    high: int
    perspective: str  # the lead perspective
    by_perspective: tuple[PerspectiveRange, ...]  # one per perspective of the cost-benefit's table, in its order
    # the exits are 1 to k − 1; False: k or more, withheld because those who ended without leaving försörjningsstöd
    # (or the participants) are few, and ``low`` to ``high`` are the counts the published figures leave open
    few: bool = True

    @property
    def one_count(self) -> bool:
        """Whether the range holds one count only (``low == high``: at a threshold of 2 only a count of 1 is
        hidden). Its figures at that count would be the exact ones and give the count back, so
        :func:`~evaltools.analysis.costbenefit.published` withholds the benefit, net present value and ratio of
        every perspective whose benefit or net one exit moves: they are NaN, and only the value of one exit, the
        break-even and the verdict (which follows from the break-even) stay."""
        return self.low == self.high

    def of(self, perspective: str) -> PerspectiveRange | None:
        """The range of ``perspective`` (``None`` where the table has no such row)."""
        return next((p for p in self.by_perspective if p.perspective == perspective), None)

    @property
    def lead(self) -> PerspectiveRange:
        """The lead perspective's range."""
        out = self.of(self.perspective)
        assert out is not None
        return out


@dataclass(frozen=True)
class CostSummary:
    """The cost-benefit's headline figures for the lead perspective (``perspective``), one object
    that page 1, the cost-benefit section, the workbook, the what-if panel and the portfolio read.

    Costs are in kronor: ``*_nominal`` and ``cost_per_*`` in current prices (what was paid),
    ``*_fixed`` in ``price_year`` prices, ``pv_*`` and ``npv`` present values in ``price_year``
    prices at the params' discount rate and horizon. A figure that cannot be computed (no budget
    file, a structural project's benefit) is NaN, never 0.

    Attributes
    ----------
    mode
        ``"observed"``, ``"ex_ante"`` (an application check) or ``"structural"``.
    success_definition
        What the project's main goal counts as a success (``goal_successes`` counts them;
        ``cost_per_success`` divides by them). ``successes`` counts exits from försörjningsstöd,
        the benefit's basis (``cost_per_exit_from_fs`` divides by them).
    deadweight_source, dropoff_source
        Codes: ``params`` / ``comparison`` / ``default``; ``observed`` / ``assumed``.
    first_year_kept, first_year_source
        The mean share of the leavers' level saved over the first 12 months after the exit (the
        observed share kept month by month, or 1 for the whole level) and its code, ``observed`` / ``assumed``.
    other_support
        The exits to an outcome that leaves försörjningsstöd left out of the benefit because the
        participant had another support at start (``support_start``) and no försörjningsstöd in the
        payments: (support code, count) pairs. ``successes`` does not count them.
    no_fs_at_start
        Where no participant had försörjningsstöd at start, the supports they had instead (codes of
        ``support_start``, most common first); empty where any participant had, or may have had, it.
    unknown_support
        Of ``successes``, those whose support at start is unknown (``okänt``, or the column absent)
        where no payments file shows it: the calculation assumes they had försörjningsstöd.
    level_source
        Where the monthly level a requirement is counted at comes from (structural projects and
        projects without leavers), else ``None``.
    """

    mode: str
    perspective: str
    price_year: int
    total_cost_nominal: float
    total_cost_fixed: float
    budget_total: float
    actual_total: float
    participants: int
    ended: int
    successes: int
    cost_per_participant: float
    success_definition: SuccessDefinition
    goal_successes: int
    cost_per_success: float
    cost_per_exit_from_fs: float
    monthly_level: float
    pv_cost: float
    pv_avoided_fs: float
    pv_benefit: float
    npv: float
    bcr: float
    payback_months: float
    break_even_exits: float
    break_even_person_years: float
    break_even_person_years_application: float
    switching_deadweight: float
    deadweight: float
    deadweight_source: str
    dropoff_source: str
    earnings_valued: bool
    skattefaktor: float
    has_comparison: bool
    level_source: Note | str | None = None
    # the skattefaktor's effect on the lead perspective's net (present value): society's only, NaN for every
    # other perspective; npv = pv_benefit − pv_cost + pv_skattefaktor (see the ledger's perspectives)
    pv_skattefaktor: float = float("nan")
    first_year_kept: float = 1.0  # the mean share of the level saved in the first 12 months after exit
    first_year_source: str = "assumed"  # "observed" (month by month from the payments) or "assumed" (the whole level)
    other_support: tuple[tuple[str, int], ...] = ()  # exits left out: another support at start (code, count)
    # months from each start that the register-measured flows cover (0 without register outcomes)
    measured_months: int = 0
    unknown_support: int = 0  # exits counted though nothing shows försörjningsstöd at start (no payments file)
    # the costs per participant, success and exit divide the cost paid so far (the settled lines), not the
    # total with the budget for what remains: the project still runs, and the persons are those so far
    per_person_so_far: bool = False
    # the last day of the budget periods the cost paid so far is for, where those are whole periods: the
    # persons are then those who had started by that day, the successes and exits those who had ended by it
    per_person_through: dt.date | None = None
    # what the costs per participant, success and exit divide (where ``per_person_so_far``): the cost paid so
    # far, and the participants, main-goal successes and exits from försörjningsstöd by ``per_person_through``
    # (the whole counts without that day), so that a reader can redo each division; NaN / None otherwise
    cost_per_person_basis: float = float("nan")
    participants_paid: int | None = None
    goal_successes_paid: int | None = None
    successes_paid: int | None = None
    # exits from försörjningsstöd left out: the person was enrolled again later (came back for support)
    came_back: int = 0
    # of ``successes``, the exits to a benefit the state (or Försäkringskassan) pays in place of försörjningsstöd:
    # sjuk-/aktivitetsersättning, sjukpenning, studier, annan ersättning (ex ante: of the expected exits)
    exits_to_state_benefit: int = 0
    # of ``successes``, those in a household where another participant also left (every one of its leavers but
    # the first): the household's försörjningsstöd is saved once and divided between them (model.household_parts)
    shared_household_leavers: int = 0
    # where no participant had försörjningsstöd at start (each had another support and no payments show any):
    # the supports they had (codes, most common first); empty where any participant had, or may have had, it
    no_fs_at_start: tuple[str, ...] = ()
    # where the exits from försörjningsstöd are 1 to privacy.min_count − 1: the benefit, NPV and ratio at every
    # count they could be (the report's figures; the exact ones would give the count back); None otherwise
    exit_range: ExitRange | None = None
    # where the riksnorm values the leavers' saving and the payments file shows them paid less than half of it a month
    # before the start (model._own_far_below): (their mean paid, the riksnorm's level for them), price-year kr
    level_above_own: tuple[float, float] | None = None

    def as_dict(self) -> dict:
        """The figures by name (for exports)."""
        return {f: getattr(self, f) for f in self.__dataclass_fields__}


@dataclass(frozen=True)
class NpvSpread:
    """One perspective's simulated NPVs: the share of draws above zero and the 5th, 50th and 95th
    percentiles (kronor, present value)."""

    p_npv_positive: float
    npv_p05: float
    npv_median: float
    npv_p95: float


@dataclass(frozen=True, eq=False)
class MonteCarlo:
    """The Monte Carlo at the params horizon: ``draws`` seeded draws (``seed``) of the uncertain
    assumptions (``varied`` says which); the lead perspective's spread (``p_npv_positive`` …,
    ``npv_draws`` every draw) and each perspective's (``by_perspective``). ``ex_ante`` for an
    application check."""

    draws: int
    seed: int
    perspective: str
    p_npv_positive: float
    npv_p05: float
    npv_median: float
    npv_p95: float
    npv_draws: np.ndarray
    by_perspective: dict[str, NpvSpread]
    ex_ante: bool
    varied: Note

    def as_dict(self) -> dict:
        return {"draws": self.draws, "seed": self.seed, "perspective": self.perspective,
                "p_npv_positive": self.p_npv_positive, "npv_p05": self.npv_p05, "npv_median": self.npv_median,
                "npv_p95": self.npv_p95, "ex_ante": self.ex_ante,
                "by_perspective": {p: s.__dict__ for p, s in self.by_perspective.items()}}


@dataclass(frozen=True)
class EffectBased:
    """The benefit from the project's own measured effect (see :func:`effect_based`), for one
    ``perspective``: the DiD effect per participant and month (``did_*``, kronor, current prices),
    the present values at ``horizon_years`` in price-year prices, and, when simulated, the share of
    ``draws`` with a positive NPV and its 5th and 95th percentiles. ``unreliable`` when the placebo
    test rejected the comparison design."""

    did_effect: float
    did_se: float
    did_ci_low: float
    did_ci_high: float
    price_factor: float
    perspective: str
    horizon_years: float
    pv_avoided_fs: float
    share_of_saving: float
    pv_benefit: float
    pv_cost: float
    npv: float
    bcr: float
    participants: int
    unreliable: bool
    p_npv_positive: float | None = None
    npv_p05: float | None = None
    npv_p95: float | None = None
    draws: int = 0
    reference_low: float | None = None  # the DiD's range over the reference dates tried (drawn in the simulation)
    reference_high: float | None = None
    pv_measured: float = 0.0  # of pv_benefit: the flows measured from register outcomes (the same in the main calculation)
    # society's skattefaktor on the net effect on public budgets (NaN for any other perspective):
    # npv = pv_benefit − pv_cost + pv_skattefaktor
    pv_skattefaktor: float = float("nan")
    households: int = 0  # the participants' households, each of which the effect is applied to once
    # all participants; ``participants`` is those the payments follow (Project.paid_persons), whom the DiD measures
    # and to whom alone its effect is applied: fewer where the payments file lacks some participants
    enrolled: int = 0

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True, eq=False)
class SimulationDraws:
    """What the Monte Carlo drew, one value per draw, so that any simulated figure can be recomputed.

    ``horizon_years`` is the horizon of every draw in the main simulation (the params horizon, held
    fixed); ``horizon_varied`` the horizon drawn over the range, used only by
    :class:`HorizonRangeSimulation`. The other arrays are shared by both.
    """

    success_mult: np.ndarray
    deadweight: np.ndarray
    dropoff: np.ndarray
    level_mult: np.ndarray
    cost_mult: np.ndarray
    horizon_years: np.ndarray
    horizon_varied: np.ndarray


@dataclass(frozen=True, eq=False)
class HorizonRangeSimulation:
    """The same draws with the horizon also varied over a range: a figure of its own, stated as over
    that range and never beside a point figure at one horizon.

    ``p_npv_positive`` maps each perspective to its share of draws with NPV > 0; ``npv_draws`` are
    the lead perspective's.
    """

    horizon_low: float
    horizon_high: float
    perspective: str
    p_npv_positive: dict
    npv_draws: np.ndarray


@dataclass(frozen=True, eq=False)
class Simulation:
    """How the Monte Carlo's figures relate to the point figures.

    Every probability in ``CostBenefitResult.monte_carlo`` comes from draws at ``horizon_years``,
    the horizon of the NPV it is shown beside; ``horizon_range`` is the separate result over a range.
    """

    horizon_years: float
    draws: SimulationDraws
    horizon_range: HorizonRangeSimulation | None


@dataclass(frozen=True)
class CostBenefitResult(Result):
    """NPV, BCR, payback and break-even per perspective, the ledger they come from, and the
    assumptions used.

    ``table`` has one row per perspective (kommun, region, stat, of which Försäkringskassan,
    individ, the public financiers together, society); ``ledger`` every flow per actor;
    ``summary`` the lead perspective's figures (``summary.perspective`` says whose).
    """

    summary: CostSummary | None = None
    assumptions: pd.DataFrame | None = None
    costs: pd.DataFrame | None = None
    sensitivity: pd.DataFrame | None = None
    sensitivity_by_perspective: Mapping | None = None  # perspective -> its one-at-a-time sensitivity (computed when read)
    monte_carlo: MonteCarlo | None = None
    reference_values: pd.DataFrame | None = None
    effect_based: EffectBased | None = None
    ledger: pd.DataFrame | None = None
    persistence: pd.DataFrame | None = None  # the report's rows (3, 6, 12 months) of persistence_monthly
    persistence_monthly: pd.DataFrame | None = None  # the same table month by month, 1..12 months after exit
    outcome_check: OutcomeCheck | None = None  # the outcome codes against the payments
    simulation: Simulation | None = None  # the horizon of every simulated probability, and the draws
    budget_use: BudgetUse | None = None  # the one share of the budget used (page 1, budget table, portfolio)
    register: RegisterEffects | None = None  # the register outcomes' estimates the ledger's measured rows come from
    # what one exit adds to each perspective's figures (ledger.PER_EXIT_COLUMNS), for a range over other counts
    per_exit: pd.DataFrame | None = None

    def to_dict(self) -> dict:
        d = super().to_dict()
        mc = self.monte_carlo.as_dict() if self.monte_carlo is not None else {}
        summary = self.summary.as_dict() if self.summary is not None else {}
        d.update({"summary": {k: _jsonable(v) for k, v in summary.items()},
                  "assumptions": frame_records(self.assumptions), "sensitivity": frame_records(self.sensitivity),
                  "ledger": frame_records(self.ledger), "monte_carlo": mc,
                  "effect_based": ({k: _jsonable(v) for k, v in self.effect_based.as_dict().items()}
                                   if self.effect_based is not None else None)})
        sim = self.simulation
        if sim is not None:  # the horizon the probabilities belong to, and the separate range result
            hr = sim.horizon_range
            d["simulation"] = {"horizon_years": sim.horizon_years, "horizon_range": None if hr is None else {
                "horizon_low": hr.horizon_low, "horizon_high": hr.horizon_high, "perspective": hr.perspective,
                "p_npv_positive": dict(hr.p_npv_positive)}}
        if self.budget_use is not None:
            bu = self.budget_use
            d["budget_use"] = {"budget_total": bu.budget_total, "budget_with_actual": bu.budget_with_actual,
                               "actual_total": _jsonable(bu.actual_total), "share": _jsonable(bu.share),
                               "lines_with_actual": bu.lines_with_actual, "lines_without_actual": bu.lines_without_actual}
        return d


