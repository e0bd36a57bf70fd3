"""The simulation draws the flows measured in register data around their estimates, as it draws the assumptions:
a flow held at its estimate made the share of positive draws certain ("< 1 %" for Försäkringskassan in Kompassen,
whose measured effect is +4 kr a month with an interval from −5 to 13 kr). Checked against the normal
distribution the draws come from (scipy), with the Monte Carlo error of the draws as the tolerance."""
from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import norm

import evaltools as et
from evaltools.analysis.comparison import IntervalMethod
from evaltools.analysis.register import register_effects

from .conftest import sample_project

Z95 = 1.959963984540054


def _spread(did) -> float:
    """The documented spread: the standard error, or a wild bootstrap interval's half-width over 1,96."""
    if did.ci_method is IntervalMethod.WILD_BOOTSTRAP:
        return (did.ci_high - did.ci_low) / (2 * Z95)
    return did.se


@pytest.fixture(scope="module")
def kompassen():
    project = sample_project("kompassen-demo")
    return project, et.cost_benefit(project), register_effects(project)


def test_forsakringskassans_share_of_positive_draws_is_the_chance_its_estimate_falls_below_zero(kompassen):
    _, result, reg = kompassen
    did = reg.of("benefits", "fk").did
    # Försäkringskassan bears no project cost and gains only what it pays less: its net is −(effect × months),
    # positive exactly when the drawn effect is below zero
    expected = norm.cdf(-did.effect / _spread(did))
    mc = result.monte_carlo
    got = mc.by_perspective["fk"].p_npv_positive
    assert 0.05 < expected < 0.5  # (the interval spans zero: neither certain nor impossible)
    assert got == pytest.approx(expected, abs=4 * np.sqrt(expected * (1 - expected) / mc.draws))


def test_forsakringskassans_spread_is_its_estimates_spread(kompassen):
    _, result, reg = kompassen
    did = reg.of("benefits", "fk").did
    held = float(result.ledger.query("actor == 'fk'")["pv"].sum())  # the net at the estimate, from the ledger
    spread = result.monte_carlo.by_perspective["fk"]
    rel = _spread(did) / did.effect
    # the net is the held net times (1 + rel × z): its 5th and 95th percentiles at z = ∓1,645
    lo, hi = sorted((held * (1 + rel * norm.ppf(0.05)), held * (1 + rel * norm.ppf(0.95))))
    assert spread.npv_p05 == pytest.approx(lo, rel=0.1)
    assert spread.npv_p95 == pytest.approx(hi, rel=0.1)


def test_the_appendix_names_the_measured_flows_among_what_is_drawn_only_where_there_are_some(kompassen):
    from evaltools.words.labels import note_text
    assert "de flöden som mäts i registeruppgifterna" in note_text(kompassen[1].monte_carlo.varied, "sv")
    assert "the flows measured in the register data" in note_text(kompassen[1].monte_carlo.varied, "en")
    timra = et.cost_benefit(sample_project("timra-vagen-ut"))
    assert "registeruppgifterna" not in note_text(timra.monte_carlo.varied, "sv")
