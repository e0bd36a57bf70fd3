"""Staggered entry: an effect estimate that stays right when the effect changes with time in the
project or differs between intake cohorts.

Participants start over two or three years. The main difference-in-differences
(:func:`evaltools.analysis.comparison.compare_payments`) fits one coefficient for "participant after
the start" with person and calendar-month effects. When the effect of a project month grows with
time in the project, or differs between intake cohorts, that one coefficient is a weighted average of
the cohorts' and months' effects whose weights can be far from their shares, even negative
(de Chaisemartin & D'Haultfœuille 2020, Goodman-Bacon 2021, Sun & Abraham 2021): participants who
started earlier act, through the calendar-month effects, as controls for those who started later.

The interaction-weighted estimator of Sun & Abraham (2021) removes that: one OLS (statsmodels) on
the same two-way within-transformed panel, with

* an indicator for every month relative to the reference month from the start on (the months
  before the anticipation window are the reference; the anticipation months are left out, as in the
  main estimate), common to both groups: the change around the reference month that participants
  and comparison persons share (the need peak);
* an indicator for every intake cohort (the calendar year of the start) × month since the start, for
  participants only: that cohort's own effect in that month, over and above the shared change.

Every cohort's every month thus has its own coefficient, estimated against the comparison persons
(the never-treated group) and the cohort's own months before the start, never against participants
who started earlier. The overall effect is their average weighted by the participant-months in each
cell (the same person-months the main estimate averages over); its standard error comes from the
household-clustered covariance of the coefficients (t with G − 1 degrees of freedom, as the main
estimate).

A maintained library was considered first: ``differences`` (Callaway–Sant'Anna ATT(g, t)) needs
polars, ``csdid`` needs plotnine and twine, and pyfixest's ``did2s`` and ``event_study`` bring a
table-rendering stack; none is light enough for the toolkit's environment, so the estimator is
written as the single statsmodels regression above (tests/test_staggered.py checks it on a
staggered panel with known heterogeneous effects).
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import numpy as np
import pandas as pd
from statsmodels.regression.linear_model import OLS

from ..data.project import Project
from .comparison import DidEstimate, _fit, _within, build_panel

COHORT = "cohort"  # the intake cohort column: the calendar year of a participant's start; −1 for comparison persons
# Above this many person-months (10 000 persons with 25 months each) the regression's dense cohort ×
# month indicators grow to gigabytes and minutes (about 50 columns of 8 bytes per row, several
# copies; docs/benchmarks.md): no robust row is computed. A Finsam project has hundreds of persons
# (Kompassen: 18 000 person-months).
MAX_PANEL_ROWS = 250_000


class Agreement(str, Enum):
    """How the heterogeneity-robust estimate compares with the main (two-way) estimate."""

    AGREE = "agree"  # the main estimate lies inside the robust estimate's 95 % interval, same conclusion
    SIZE_DIFFERS = "size_differs"  # the main estimate lies outside the robust estimate's interval
    CONCLUSION_DIFFERS = "conclusion_differs"  # one of them tells a fall from zero, the other does not


@dataclass(frozen=True)
class StaggeredEstimate:
    """The interaction-weighted (Sun–Abraham) effect in kr per person and month.

    Attributes
    ----------
    effect, se, ci_low, ci_high, p_value
        The average effect over the participant-months after the start, its household-clustered
        standard error, 95 % interval (t with G − 1 degrees of freedom) and p-value.
    n_cohorts
        Intake cohorts (calendar years of the start) with participant-months after the start.
    by_event_time
        Per month since the start (0, 1, …): ``effect``, ``ci_low``, ``ci_high`` (the cohorts'
        effects in that month weighted by their participant-months) and ``weight`` (the month's
        share of the participant-months in the overall average).
    by_cohort
        Per intake cohort: ``effect`` (its months' effects weighted by their participant-months),
        ``ci_low``, ``ci_high`` and ``persons``.
    main
        The main two-way estimate on the same panel, for the comparison.
    agreement
        How the two compare.
    """

    effect: float
    se: float
    ci_low: float
    ci_high: float
    p_value: float
    n_cohorts: int
    by_event_time: pd.DataFrame
    by_cohort: pd.DataFrame
    main: DidEstimate
    agreement: Agreement


def _agreement(robust: tuple[float, float, float], main: DidEstimate) -> Agreement:
    _, lo, hi = robust
    robust_rejects = hi < 0 or lo > 0
    main_rejects = main.ci_high < 0 or main.ci_low > 0
    if robust_rejects != main_rejects:
        return Agreement.CONCLUSION_DIFFERS
    if not lo <= main.effect <= hi:
        return Agreement.SIZE_DIFFERS
    return Agreement.AGREE


def _combination(fit, names: list[str], weights: np.ndarray) -> tuple[float, float, float, float, float]:
    """(estimate, se, low, high, p) of the weighted sum of the coefficients ``names``."""
    r = np.zeros((1, len(fit.params)))
    idx = [fit.model.exog_names.index(n) for n in names]
    r[0, idx] = weights
    tt = fit.t_test(r)
    lo, hi = np.ravel(tt.conf_int())
    return float(np.ravel(tt.effect)[0]), float(np.ravel(tt.sd)[0]), float(lo), float(hi), float(np.ravel(tt.pvalue)[0])


def sun_abraham(panel: pd.DataFrame, anticipation: int = 0) -> StaggeredEstimate | None:
    """The interaction-weighted estimate on a person × month panel.

    Parameters
    ----------
    panel
        Columns ``person``, ``household``, ``month_idx`` (calendar month), ``event_time`` (months
        since the person's reference month), ``amount``, ``treated`` (1 for participants) and
        :data:`COHORT` (the participant's intake cohort; any value for comparison persons), as
        :func:`evaltools.analysis.comparison.build_panel` makes it plus the cohort.
    anticipation
        Months just before the reference month left out (the main estimate's anticipation window).

    Returns
    -------
    StaggeredEstimate or None
        ``None`` when the panel has no participant-months after the start or no comparison persons.
    """
    used = panel[(panel["event_time"] >= 0) | (panel["event_time"] < -anticipation)].copy()
    used["after"] = (used["event_time"] >= 0).astype(float)
    used["treated_after"] = used["after"] * used["treated"]
    if not (used["treated"] == 0).any() or not (used["treated_after"] == 1).any():
        return None
    after = used["event_time"] >= 0
    treated = used["treated"] == 1
    months = sorted(used.loc[after, "event_time"].unique())
    cells = (used[after & treated].groupby([COHORT, "event_time"]).size().rename("n").reset_index())
    cols: dict[str, np.ndarray] = {}
    # the shared change in month e since the reference month (both groups), where comparison persons
    # have reference months of their own (this package's design); comparison units that are simply
    # never treated (the textbook case) have no months after a reference month and no such terms
    shared = set(used.loc[after & ~treated, "event_time"].unique())
    for e in months:
        if e in shared:
            cols[f"e{e}"] = (used["event_time"] == e).to_numpy(float)
    names = []
    for g, e in zip(cells[COHORT], cells["event_time"]):
        name = f"g{g}_e{e}"
        cols[name] = ((used[COHORT] == g) & (used["event_time"] == e) & treated).to_numpy(float)
        names.append(name)
    x = pd.DataFrame(cols, index=used.index)
    work = pd.concat([used[["person", "household", "month_idx", "amount"]], x], axis=1)
    dm = _within(work, ["amount", *cols])
    groups = pd.factorize(work["household"])[0]
    # QR, not the default pseudo-inverse: its SVD of the (person-months x indicators) matrix took most
    # of the time; every indicator has rows of its own, so the design has full column rank
    fit = OLS(dm["amount"], dm[list(cols)], hasconst=False).fit(
        method="qr", cov_type="cluster", cov_kwds={"groups": groups}, use_t=True)
    n = cells["n"].to_numpy(float)
    overall = _combination(fit, names, n / n.sum())
    by_e = []
    for e in months:
        sel = (cells["event_time"] == e).to_numpy()
        if sel.any():
            est, _, lo, hi, _ = _combination(fit, [nm for nm, s in zip(names, sel) if s], n[sel] / n[sel].sum())
            by_e.append({"event_time": int(e), "effect": est, "ci_low": lo, "ci_high": hi, "weight": n[sel].sum() / n.sum()})
    by_g = []
    persons = used[treated].groupby(COHORT)["person"].nunique()
    for g in sorted(cells[COHORT].unique()):
        sel = (cells[COHORT] == g).to_numpy()
        est, _, lo, hi, _ = _combination(fit, [nm for nm, s in zip(names, sel) if s], n[sel] / n[sel].sum())
        by_g.append({"cohort": g, "effect": est, "ci_low": lo, "ci_high": hi, "persons": int(persons.get(g, 0))})
    main = _fit(used, "amount", ["after", "treated_after"] if shared else ["treated_after"], "treated_after")
    effect, se, lo, hi, p = overall
    return StaggeredEstimate(effect, se, lo, hi, p, len(by_g), pd.DataFrame(by_e), pd.DataFrame(by_g), main,
                             _agreement((effect, lo, hi), main))


def intake_cohorts(panel: pd.DataFrame) -> pd.Series:
    """Each row's intake cohort: the calendar year of the person's reference month (the start month
    for participants); −1 for comparison persons."""
    ref = panel["month_idx"] - panel["event_time"]
    return pd.Series(np.where(panel["treated"] == 1, ref // 12, -1), index=panel.index)


def staggered_effect(project: Project) -> StaggeredEstimate | None:
    """The heterogeneity-robust (Sun–Abraham) effect beside the main DiD estimate.

    Parameters
    ----------
    project
        A loaded project with payments and a comparison group.

    Returns
    -------
    StaggeredEstimate or None
        ``None`` without payments, participants or a comparison group (as the main estimate), and
        above :data:`MAX_PANEL_ROWS` person-months (national scale).
    """
    if project.payments is None or not project.has_participants or project.comparison is None:
        return None
    panel = build_panel(project)
    if len(panel) > MAX_PANEL_ROWS:
        return None
    panel[COHORT] = intake_cohorts(panel)
    return sun_abraham(panel, project.params.comparison.anticipation_months)


__all__ = ["COHORT", "MAX_PANEL_ROWS", "Agreement", "StaggeredEstimate", "intake_cohorts", "staggered_effect", "sun_abraham"]
