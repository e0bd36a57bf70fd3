"""A comparison group that resembles the participants: inverse-probability weights and a balance table.

The comparison persons are taken as the evaluator gives them; before-period payments, household
type, age and sex often differ between the groups, and where those differences also shape how
payments change, the DiD compares unlike with unlike. Weighting makes the comparison group resemble
the participants on what is observed (Abadie 2005, the inverse-probability-weighted DiD for the
effect on the participants):

1. Per person (each enrolment of a participant, each comparison person): the change in mean
   försörjningsstöd per month from before the start (the months before the anticipation window) to
   after it (months 0 to ``months_after``), and the covariates: the mean payment and the share of
   months with a payment before, age at the reference month, sex and household type.
2. A logistic regression (statsmodels ``Logit``) of taking part on the covariates gives each
   comparison person's propensity p; the comparison person's weight is p / (1 − p) (the odds), a
   participant's 1, so that the weighted comparison group has the participants' covariate mix.
3. The weighted DiD is the weighted least-squares regression of the change on a participant
   indicator (statsmodels ``WLS``), household-clustered standard errors, t(G − 1): the participants'
   mean change minus the weighted comparison group's. The unweighted version of the same regression
   is given beside it. The weights are treated as known (their estimation is not in the standard error).
4. The balance table: every covariate's mean among participants, among comparison persons and among
   weighted comparison persons, and the standardised difference (difference in means over the square
   root of the two groups' mean unweighted variance) before and after weighting; below 0.1 is the
   usual mark of balance (Austin 2009).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..data import schema as S
from ..data.project import Project
from .comparison import build_panel

BALANCED = 0.1  # a standardised difference below this counts as balanced
PRE_MEAN, PRE_SHARE, AGE, WOMAN = "pre_mean", "pre_share_paid", "age", "woman"
HOUSEHOLD_PREFIX = "household_type:"  # a household type's indicator: "household_type:<code>"


@dataclass(frozen=True)
class WeightedDid:
    """The inverse-probability-weighted DiD and the balance it achieves.

    Attributes
    ----------
    effect, se, ci_low, ci_high, p_value
        The weighted estimate in kr per person and month, its household-clustered standard error,
        95 % interval (t with G − 1 degrees of freedom) and p-value.
    unweighted
        ``(effect, ci_low, ci_high)`` of the same regression without weights.
    balance
        Per covariate (``covariate``: :data:`PRE_MEAN`, :data:`PRE_SHARE`, :data:`AGE`,
        :data:`WOMAN` or ``household_type:<code>``): ``participants``, ``comparison``,
        ``comparison_weighted`` (means), ``smd_before`` and ``smd_after``.
    n_participants, n_comparison
        Persons in each group.
    effective_comparison
        Kish's effective number of comparison persons after weighting, (Σw)² / Σw².
    """

    effect: float
    se: float
    ci_low: float
    ci_high: float
    p_value: float
    unweighted: tuple[float, float, float]
    balance: pd.DataFrame
    n_participants: int
    n_comparison: int
    effective_comparison: float

    @property
    def max_smd_after(self) -> float:
        """The largest absolute standardised difference after weighting."""
        return float(self.balance["smd_after"].abs().max())

    @property
    def balanced(self) -> bool:
        """True when every covariate's standardised difference after weighting is below 0.1."""
        return self.max_smd_after < BALANCED


def _covariates(persons: pd.DataFrame, ref_year: pd.Series) -> pd.DataFrame:
    out = pd.DataFrame(index=persons.index)
    out[AGE] = (ref_year - persons[S.BIRTH_YEAR]).astype(float)
    out[WOMAN] = (persons[S.SEX] == "kvinna").astype(float)
    for code in S.HOUSEHOLD_TYPES:
        out[HOUSEHOLD_PREFIX + code] = (persons[S.HOUSEHOLD_TYPE] == code).astype(float)
    return out


def person_frame(project: Project) -> pd.DataFrame | None:
    """One row per person: ``treated``, ``household``, ``change`` (mean payment after minus before)
    and the covariates; ``None`` without payments or a comparison group."""
    if project.payments is None or not project.has_participants or project.comparison is None:
        return None
    c = project.params.comparison
    panel = build_panel(project)
    before = panel["event_time"] < -c.anticipation_months
    after = panel["event_time"] >= 0
    keys = ["treated", "person"]
    pre = panel[before].groupby(keys, observed=True)["amount"].agg(pre_mean="mean", pre_share_paid=lambda a: (a > 0).mean())
    post = panel[after].groupby(keys, observed=True)["amount"].mean().rename("post_mean")
    hh = panel.groupby(keys, observed=True)["household"].first()
    frame = pd.concat([pre, post, hh], axis=1).dropna(subset=["pre_mean", "post_mean"]).reset_index()
    frame["change"] = frame["post_mean"] - frame["pre_mean"]
    parts = []
    for treated, persons in ((1, project.participants), (0, project.comparison)):
        p = persons.drop_duplicates(S.PERSON_ID).set_index(S.PERSON_ID)
        cov = _covariates(p, p[S.START_DATE].dt.year)
        parts.append(cov.assign(treated=treated).rename_axis("person").reset_index())
    cov = pd.concat(parts, ignore_index=True)
    frame["person"] = frame["person"].astype(str)
    cov["person"] = cov["person"].astype(str)
    return frame.merge(cov, on=["treated", "person"], how="inner")


def standardised_difference(x: np.ndarray, treated: np.ndarray, weights: np.ndarray | None = None) -> float:
    """(mean among participants − weighted mean among comparison persons) / √((s²₁ + s²₀) / 2), the
    variances unweighted (so the denominator is the same before and after weighting); 0 when both
    groups are constant."""
    t, c = treated == 1, treated == 0
    w = np.ones(c.sum()) if weights is None else weights[c]
    diff = x[t].mean() - np.average(x[c], weights=w)
    sd = np.sqrt((x[t].var(ddof=1) + x[c].var(ddof=1)) / 2)
    return float(diff / sd) if sd > 0 else 0.0


def ipw_weights(covariates: pd.DataFrame, treated: np.ndarray) -> np.ndarray:
    """Weights for the effect on the participants: 1 for a participant, the odds p / (1 − p) of the
    propensity from a statsmodels ``Logit`` for a comparison person, scaled so that the comparison
    weights sum to the number of participants."""
    from statsmodels.discrete.discrete_model import Logit
    from statsmodels.tools import add_constant
    x = add_constant(covariates.to_numpy(float), has_constant="add")
    fit = Logit(treated.astype(float), x).fit(disp=0, maxiter=200)
    p = np.clip(fit.predict(x), 1e-6, 1 - 1e-6)
    w = np.where(treated == 1, 1.0, p / (1 - p))
    c = treated == 0
    w[c] *= (treated == 1).sum() / w[c].sum()
    return w


def _usable(frame: pd.DataFrame, names: list[str]) -> list[str]:
    """The covariates that vary (a constant, or an indicator nobody has, cannot enter the model); when
    the household-type indicators add up to one on every row, the commonest is left out as the reference."""
    keep = [n for n in names if frame[n].notna().all() and frame[n].nunique() > 1]
    types = [n for n in keep if n.startswith(HOUSEHOLD_PREFIX)]
    if types and np.allclose(frame[types].sum(axis=1), 1):
        keep.remove(max(types, key=lambda n: frame[n].sum()))
    return keep


def weighted_did(frame: pd.DataFrame, covariates: list[str]) -> WeightedDid:
    """The IPW DiD on a person frame (columns ``treated``, ``household``, ``change`` and the covariates).

    Parameters
    ----------
    frame
        One row per person, as :func:`person_frame` gives it.
    covariates
        The columns to balance on.
    """
    from statsmodels.regression.linear_model import WLS
    from statsmodels.tools import add_constant
    treated = frame["treated"].to_numpy(int)
    used = _usable(frame, covariates)
    w = ipw_weights(frame[used], treated)
    x = add_constant(treated.astype(float), has_constant="add")
    groups = pd.factorize(frame["household"])[0]
    y = frame["change"].to_numpy(float)
    fits = [WLS(y, x, weights=wt).fit(cov_type="cluster", cov_kwds={"groups": groups}, use_t=True)
            for wt in (w, np.ones(len(w)))]
    rows = []
    for name in covariates:
        v = frame[name].to_numpy(float)
        if np.isnan(v).any() or (name.startswith(HOUSEHOLD_PREFIX) and v.sum() == 0):
            continue
        c = treated == 0
        rows.append({"covariate": name, "participants": v[treated == 1].mean(), "comparison": v[c].mean(),
                     "comparison_weighted": np.average(v[c], weights=w[c]),
                     "smd_before": standardised_difference(v, treated), "smd_after": standardised_difference(v, treated, w)})
    fit, plain = fits
    lo, hi = fit.conf_int()[1]
    plo, phi = plain.conf_int()[1]
    wc = w[treated == 0]
    return WeightedDid(float(fit.params[1]), float(fit.bse[1]), float(lo), float(hi), float(fit.pvalues[1]),
                       (float(plain.params[1]), float(plo), float(phi)), pd.DataFrame(rows),
                       int((treated == 1).sum()), int((treated == 0).sum()), float(wc.sum() ** 2 / (wc ** 2).sum()))


def comparison_weighting(project: Project) -> WeightedDid | None:
    """The inverse-probability-weighted DiD with its balance table, when the params ask for it
    (``comparison.weighting: ipw``) and there is a comparison group.

    Returns
    -------
    WeightedDid or None
        ``None`` when weighting is off, or without payments or a comparison group.
    """
    if project.params.comparison.weighting != "ipw":
        return None
    frame = person_frame(project)
    if frame is None or frame["treated"].nunique() < 2:
        return None
    names = [PRE_MEAN, PRE_SHARE, AGE, WOMAN, *[HOUSEHOLD_PREFIX + code for code in S.HOUSEHOLD_TYPES]]
    return weighted_did(frame, names)


__all__ = ["AGE", "BALANCED", "HOUSEHOLD_PREFIX", "PRE_MEAN", "PRE_SHARE", "WOMAN", "WeightedDid", "comparison_weighting",
           "ipw_weights", "person_frame", "standardised_difference", "weighted_did"]
