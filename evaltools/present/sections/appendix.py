"""The appendix for auditors: methods, data quality, the simulation's settings, versions and checksums.

Everything a board does not need to read but an auditor needs to check or repeat the report: it
comes last, under its own heading, so that the body speaks plain Swedish (or English).
"""
from __future__ import annotations


from ..markup import render
from ..display import Text
from ...words.labels import note_text
from ...words.formats import fmt_int
from . import facts, footer, method, payments, quality
from .costbenefit import benefit_unvalued
from ..plan import citation

ANCHOR = "et-appendix"  # the id of the appendix heading: everything before it is the report's body


def heading_html(r) -> str:
    """The appendix's heading and what it holds: not the simulation's settings where the benefit is not valued
    (:func:`evaltools.present.sections.costbenefit.benefit_unvalued`: nothing is simulated)."""
    cba = r.cba
    unvalued = cba is not None and cba.summary is not None and benefit_unvalued(cba.summary)
    if cba is not None and cba.summary is not None and cba.summary.exit_range is not None:
        # 1 to k − 1 exits: their range, and no simulation (it would give the count back)
        intro = (r.msg("appendix.intro_range", k=str(r.params.privacy.min_count)) if cba.summary.exit_range.few
                 else r.msg("appendix.intro_range_withheld"))
    else:
        intro = r.msg("appendix.intro_unvalued" if unvalued else "appendix.intro")
    return render("appendix.html.j2", anchor=ANCHOR, heading=r.msg("appendix.heading"), intro=intro)


def simulation(r) -> list:
    """The simulation's settings (draws, seed, what was varied), where there was a simulation."""
    mc = r.cba.monte_carlo
    if not mc:
        return []
    return [[Text([r.msg("appendix.simulation_text", draws=fmt_int(mc.draws, r.lang), seed=str(mc.seed),
                         varied=note_text(mc.varied, r.lang))], r.msg("appendix.simulation"), 3)]]


def analysis_plan(r) -> list:
    """The analysis plan the evaluation settled in advance, cited where its file is there."""
    cited = citation(r)
    return [[Text([cited], r.msg("appendix.plan"), 3)]] if cited else []


def blocks(r) -> list[list]:
    from IPython.display import HTML
    kind = facts.kind_note(r)
    return [[HTML(heading_html(r))], *analysis_plan(r), *method.blocks(r), *payments.detail_blocks(r),
            *quality.blocks(r),
            *([[Text(kind)]] if kind else []), *simulation(r), *footer.blocks(r)]
