"""Register outcomes: the project's effect on earnings and on the state's benefits, measured with
the payments' difference-in-differences.

Where the evaluator has register data for the participants and the comparison persons (gross
earnings per person and month from employer declarations, benefits per person, month and kind
from Försäkringskassan and Arbetsförmedlingen; :data:`evaltools.data.schema.EARNINGS` and
``BENEFITS``), the DiD that estimates the project's effect on försörjningsstöd
(:func:`evaltools.analysis.comparison.outcome_did`: the same panel around each person's reference
month, anticipation window, person and calendar-month fixed effects, household-clustered
inference and wild bootstrap with few households) estimates, per participant and month after the
start, the change in earnings and in each paying actor's benefits. The cost-benefit ledger then
books those flows from the estimates instead of its assumptions (:mod:`evaltools.analysis.costbenefit`).

Horizon. An effect is measured over the months observed after the start (event months 0 to
``comparison.months_after``, inside the register file's months); the ledger books it on exactly
those participant-months and extends it no further.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..data import schema as S
from ..data.project import Project
from .comparison import DidEstimate, outcome_did

# the outcomes a register file can measure, with the ledger actor each concerns: earnings are the
# individual's (and, through tax, the municipality's and the region's); a benefit is paid by its actor
EARNINGS = "earnings"
BENEFITS = "benefits"


@dataclass(frozen=True)
class RegisterEffect:
    """One register outcome's DiD estimate and the participant-months it covers.

    Attributes
    ----------
    outcome
        ``"earnings"`` or ``"benefits"``.
    actor
        The ledger actor: ``"individ"`` for earnings, the paying actor (``"fk"``, ``"stat"``) for benefits.
    did
        The effect in kr (current prices) per participant and month after the start, with its
        interval (:class:`~evaltools.analysis.comparison.DidEstimate`).
    participants, comparison_persons
        Persons in the estimate, by group.
    first_month, last_month
        The register file's first and last month (the months the estimate can see).
    months_after
        The last event month after the start the estimate covers (``comparison.months_after``).
    post_months
        Participant-months after the start in the estimate, per calendar month (index: the month's
        first day): the months the ledger books the effect on.
    """

    outcome: str
    actor: str
    did: DidEstimate
    participants: int
    comparison_persons: int
    first_month: pd.Timestamp
    last_month: pd.Timestamp
    months_after: int
    post_months: pd.Series

    @property
    def person_months(self) -> int:
        """Participant-months after the start the effect is booked on."""
        return int(self.post_months.sum())


@dataclass(frozen=True)
class RegisterEffects:
    """The register outcomes' estimates (:class:`RegisterEffect`), earnings first, then benefits by
    paying actor; ``earnings`` and ``benefits`` say which files were given."""

    effects: tuple[RegisterEffect, ...]
    earnings: bool
    benefits: bool

    def of(self, outcome: str, actor: str | None = None) -> RegisterEffect | None:
        """The estimate of ``outcome`` (for a benefit, paid by ``actor``), or None."""
        return next((e for e in self.effects if e.outcome == outcome and (actor is None or e.actor == actor)), None)


def _covering(rows: pd.DataFrame, whole: pd.DataFrame) -> pd.DataFrame:
    """``rows`` (a part of a register file) with a 0 kr row at the whole file's first and last month,
    so the panel sees the file's months, not only the months this part has rows in."""
    ends = whole[S.MONTH].agg(["min", "max"]).to_numpy()
    pid = whole[S.PERSON_ID].iloc[0]
    pad = pd.DataFrame({S.PERSON_ID: [pid, pid], S.MONTH: ends, S.AMOUNT: [0.0, 0.0]})
    return pd.concat([rows[[S.PERSON_ID, S.MONTH, S.AMOUNT]], pad], ignore_index=True)


def _effect(project: Project, outcome: str, actor: str, rows: pd.DataFrame, whole: pd.DataFrame) -> RegisterEffect:
    did, panel = outcome_did(project, _covering(rows, whole))
    post = panel[(panel["treated"] == 1) & (panel["event_time"] >= 0)]
    months, n = np.unique(post["month_idx"].to_numpy(), return_counts=True)
    index = pd.DatetimeIndex([pd.Timestamp(int(m) // 12, int(m) % 12 + 1, 1) for m in months])
    counts = pd.Series(n.astype(int), index=index)
    persons = panel.groupby("treated", observed=True)["person"].nunique()
    return RegisterEffect(outcome, actor, did, int(persons.get(1, 0)), int(persons.get(0, 0)),
                          pd.Timestamp(whole[S.MONTH].min()), pd.Timestamp(whole[S.MONTH].max()),
                          project.params.comparison.months_after, counts)


def register_effects(project: Project) -> RegisterEffects | None:
    """The project's effect on earnings and on each paying actor's benefits, from the register files.

    Parameters
    ----------
    project
        A loaded project with participants, a comparison group and at least one register file
        (``data.earnings``, ``data.benefits``).

    Returns
    -------
    RegisterEffects or None
        One estimate for earnings and one per actor paying a benefit in the file (Försäkringskassan,
        the state; :data:`evaltools.data.schema.BENEFIT_PAYER`); None without a register file, a
        comparison group or participants. An actor whose kinds have no row in the benefits file was
        paid nothing by it in either group: no estimate and no flow. An estimate over fewer persons
        than ``privacy.min_count`` in either group is left out (the ledger then keeps its assumptions),
        and so is one the data cannot give (:attr:`DidEstimate.not_computable`: no contrast between the
        groups, or no variation left once the person and month effects are taken out).
    """
    earn, ben = project.earnings, project.benefits
    if project.comparison is None or not project.has_participants or (earn is None and ben is None):
        return None
    effects = []
    if earn is not None and len(earn):
        effects.append(_effect(project, EARNINGS, "individ", earn, earn))
    if ben is not None and len(ben):
        payer = ben[S.KIND].map(S.BENEFIT_PAYER)
        for actor in dict.fromkeys(S.BENEFIT_PAYER.values()):
            rows = ben[payer == actor]
            if len(rows):
                effects.append(_effect(project, BENEFITS, actor, rows, ben))
    # (an effect on fewer persons than the privacy threshold in either group would tell a few persons'
    # earnings or benefits: it is not estimated, and the ledger keeps its assumptions for it)
    # (nor is one the data cannot give, :attr:`DidEstimate.not_computable`: its 0 is no measurement, and the
    # ledger keeps its assumptions for it as for one left out so)
    k = project.params.privacy.min_count
    kept = tuple(e for e in effects
                 if e.participants >= k and e.comparison_persons >= k and e.did.not_computable is None)
    return RegisterEffects(kept, earn is not None, ben is not None)
