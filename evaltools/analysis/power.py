"""The smallest effect on försörjningsstöd an evaluation of an application could detect.

Before any participant has enrolled, the question a methods reviewer asks of a planned comparison
is not "is there an effect?" but "how large must an effect be for the planned volumes to see it?".
The answer is the minimum detectable effect (MDE): the difference in mean försörjningsstöd per
person and month between participants and comparison persons that a two-sided test at the 5 %
level detects with 80 % probability (power), given the expected numbers in each group and the
outcome's spread.

The calculation is statsmodels' :class:`~statsmodels.stats.power.TTestIndPower` (two independent
samples, pooled t test): it solves for the standardised effect (Cohen's d) and the MDE is d times
the outcome's standard deviation. The standard deviation is the params' own
(``expected.payment_sd_sek``, with its source) or else the registry's sourced default
(:data:`evaltools.data.assumptions.REGISTRY` ``["payment_sd"]``). The numbers are the application's:
its participants per year times the planned period in years, and as many comparison persons unless
``expected.comparison_persons`` says otherwise.

The comparison a difference-in-differences makes later uses each person's own months before the
start as well, which removes stable differences between persons and usually makes the effect it can
detect smaller; the MDE here, from a plain comparison of means, is therefore on the safe side.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..data.assumptions import REGISTRY
from ..data.project import Project

ALPHA = 0.05
POWER = 0.80


class SdSource(str, Enum):
    """Where the outcome's standard deviation came from."""

    PARAMS = "params"  # the params file's expected.payment_sd_sek
    DEFAULT = "default"  # the registry's sourced default (defaults.csv row payment_sd)


@dataclass(frozen=True)
class MinimumDetectableEffect:
    """The minimum detectable effect on försörjningsstöd, in kr per person and month.

    Attributes
    ----------
    effect
        The smallest difference in mean försörjningsstöd (kr per person and month) the planned
        volumes detect with ``power`` at significance level ``alpha`` (two-sided).
    standardised
        The same as a standardised effect (Cohen's d): ``effect / sd``.
    sd, sd_source, sd_note
        The outcome's standard deviation (kr per month), where it came from, and the params' own
        source text (``None`` for the default).
    n_participants, n_comparison
        The expected numbers of participants and comparison persons.
    alpha, power
        The test's significance level and the power asked for.
    """

    effect: float
    standardised: float
    sd: float
    sd_source: SdSource
    sd_note: str | None
    n_participants: int
    n_comparison: int
    alpha: float = ALPHA
    power: float = POWER


def minimum_detectable_effect(n_participants: int, n_comparison: int, sd: float, alpha: float = ALPHA,
                              power: float = POWER) -> tuple[float, float]:
    """(effect in the outcome's unit, Cohen's d) detectable with ``power`` at level ``alpha``.

    Parameters
    ----------
    n_participants, n_comparison
        Persons in each group (at least 2 each).
    sd
        The outcome's standard deviation, in the unit the effect is wanted in.
    alpha, power
        Two-sided significance level and power.

    Returns
    -------
    tuple of float
        The minimum detectable effect and the standardised effect it corresponds to.

    Examples
    --------
    >>> round(minimum_detectable_effect(100, 100, 1.0)[1], 3)
    0.398
    """
    from statsmodels.stats.power import TTestIndPower  # statsmodels' power module: loaded only when asked
    if n_participants < 2 or n_comparison < 2:
        raise ValueError("the minimum detectable effect needs at least two persons in each group")
    d = float(TTestIndPower().solve_power(effect_size=None, nobs1=n_participants, alpha=alpha, power=power,
                                          ratio=n_comparison / n_participants, alternative="two-sided"))
    return d * sd, d


def expected_participants(project: Project) -> int | None:
    """The application's participants over its planned period, or ``None`` without them.

    Counted as the goal table counts the application's volumes: participants per year for each
    project year, a shorter last year pro-rated and rounded to whole persons, then summed, so the
    number beside the minimum detectable effect is the sum of the years the report shows.
    """
    from .goals import expected_participants_in, period_windows, whole_persons  # (same layer; goals imports much)
    e = project.params.expected
    if e is None or not e.participants_per_year:
        return None
    return int(sum(whole_persons((expected_participants_in(project.params, w) or 0.0)
                                 * ((w.last - w.first).days + 1) / w.full_days)
                   for w in period_windows(project.params, "project_year")))


def application_power(project: Project) -> MinimumDetectableEffect | None:
    """The minimum detectable effect on försörjningsstöd for an application's expected volumes.

    Parameters
    ----------
    project
        A project whose params give ``expected`` volumes (an application check).

    Returns
    -------
    MinimumDetectableEffect or None
        ``None`` when the application gives no participants per year (or fewer than two in all).
    """
    n1 = expected_participants(project)
    e = project.params.expected
    if e is None or n1 is None or n1 < 2:
        return None
    n0 = e.comparison_persons or n1
    if n0 < 2:
        return None
    if e.payment_sd_sek is not None:
        sd, source, note = float(e.payment_sd_sek), SdSource.PARAMS, e.payment_sd_source
    else:
        default = REGISTRY["payment_sd"].default
        assert default is not None  # the registry's row always holds a number
        sd, source, note = float(default), SdSource.DEFAULT, None
    effect, d = minimum_detectable_effect(n1, n0, sd)
    return MinimumDetectableEffect(effect, d, sd, source, note, n1, n0)


__all__ = ["ALPHA", "POWER", "MinimumDetectableEffect", "SdSource", "application_power", "expected_participants",
           "minimum_detectable_effect"]
