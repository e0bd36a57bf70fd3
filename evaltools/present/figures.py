"""The named figures of a report: every number the evaluator's text may cite, as numbers and codes.

Each :class:`Figure` knows its value, its unit, its basis (current prices, fixed prices of a year,
present value at a rate, a count or a share), the perspective and horizon it belongs to, and a code
saying what it counts. :func:`report_figures` builds them from the same analysis results the report
shows (the goal table, the cost-benefit summary and per-perspective table, the participants, the
successes as the main goal defines them, the simulation), so that a figure the evaluator cites by
name is the figure page 1 shows. The words and number formats are elsewhere
(:func:`evaltools.present.sections.evaluator.figure_text`).

Names are Swedish snake_case without å, ä and ö (``kostnad_per_deltagare``,
``nettonuvarde_samhalle``), as an evaluator types them; a citation may also be typed with the
Swedish letters (:func:`fold`). The list of names is in docs/evaluator-text.md.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

import pandas as pd

from ..analysis.disclosure import Secondary, intake_per_year
from ..analysis.goals import GoalVerdict
from ..data import schema as S
from ..data.validation import persons_of
from ..analysis.goals import project_successes, success_definition
from ..data.privacy import hides
from ..analysis.costbenefit.costs import settled_lines
from ..words.evaluator_text import fold  # (a name as the registry spells it: the text cites figures by it)
from ..words.formats import one_rounding, shared_places, share_significant


class Unit(str, Enum):
    """What a figure's value is measured in."""

    KR = "kr"
    KR_PER_MONTH = "kr_per_month"  # kronor per person and month
    COUNT = "count"
    SHARE = "share"  # a proportion, 0–1
    PROBABILITY = "probability"  # a share of the simulations, 0–1
    YEARS = "years"  # person-years


class Basis(str, Enum):
    """How an amount is counted (or that the figure is a count or a share)."""

    CURRENT_PRICES = "current_prices"  # löpande priser
    FIXED_PRICES = "fixed_prices"  # fasta priser of ``Figure.price_year``
    PRESENT_VALUE = "present_value"  # nuvärde at ``Figure.rate``, in prices of ``Figure.price_year``
    COUNT = "count"
    SHARE = "share"


@dataclass(frozen=True)
class Figure:
    """One named figure of a report.

    Attributes
    ----------
    name
        The name the evaluator cites, e.g. ``kostnad_per_deltagare``.
    value
        The number (kronor, a count, or a proportion 0–1).
    unit, basis
        See :class:`Unit` and :class:`Basis`.
    definition
        A code for what is counted: ``participants``, ``successes:<main goal kind>``,
        ``goal:<goal id>:<period>``, ``npv`` ...
    decimals
        How the report rounds it: ``None`` for an amount said in a sentence (two significant
        figures), otherwise the number of decimals (of the percentage, for a share).
    price_year, rate, perspective, horizon
        The price year of a fixed-price or present-value amount, the discount rate of a present
        value, the perspective of a cost-benefit figure, and its horizon in years (a simulated probability's
        too: the simulation holds the horizon at the net present value's).
    """

    name: str
    value: float
    unit: Unit
    basis: Basis
    definition: str
    decimals: int | None = 0
    price_year: int | None = None
    rate: float | None = None
    perspective: str | None = None
    horizon: float | None = None
    significant: int = 2  # an amount said in a sentence (``decimals`` None): its significant figures
    # and the decimals of its unit, where page 1 says it beside others in one rounding (7,0 miljoner beside 3,4)
    places: int | None = None


# the public financiers, each said on page 1 before their total: their net present values and the total's benefit
# and cost are said in one rounding (:func:`~evaltools.words.formats.one_rounding`)
PUBLIC_ACTORS = ("kommun", "region", "stat")


def _public_rounding(rows: pd.DataFrame) -> dict[tuple[str, str], tuple[int, int | None]]:
    """The significant figures and the decimals of their unit (:func:`~evaltools.words.formats.shared_places`)
    page 1 says the public financiers' amounts with, by (perspective, column): their benefit, cost and net
    present value and each actor's net present value, in one rounding."""
    if "offentliga" not in rows.index or _num(rows.loc["offentliga", "npv"]) is None:
        return {}
    row = rows.loc["offentliga"]
    parts = {p: float(rows.loc[p, "npv"]) for p in PUBLIC_ACTORS if p in rows.index and _num(rows.loc[p, "npv"]) is not None}
    benefit_cost = ((float(row["pv_benefit"]), float(row["pv_cost"]))
                    if _num(row["pv_benefit"]) is not None and _num(row["pv_cost"]) is not None else None)
    # (the other perspectives' net present values, said on page 1 in the same unit: one page, one precision)
    beside = {str(p): float(rows.loc[p, "npv"]) for p in rows.index
              if p != "offentliga" and p not in parts and _num(rows.loc[p, "npv"]) is not None}
    rounded = one_rounding(float(row["npv"]), parts, benefit_cost, beside)
    columns = {"npv": ("offentliga", "npv"), "benefit": ("offentliga", "pv_benefit"), "cost": ("offentliga", "pv_cost")}
    places = shared_places({name: (abs(v), digits) for name, (v, digits) in rounded.items()})
    return {columns.get(name, (name, "npv")): (digits, places[name]) for name, (_, digits) in rounded.items()}


def _num(v) -> float | None:
    try:
        x = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(x) else x


def goal_verdicts(goal_table: pd.DataFrame) -> dict[str, GoalVerdict]:
    """Each application goal's verdict over its periods, as the goal table holds it (one verdict a
    goal, computed once in :mod:`evaltools.analysis.goals`); goals from other sources are left out,
    as page 1 never counts them as the application's."""
    if goal_table.empty:
        return {}
    own = goal_table[goal_table["source"] == "ansökan"]
    return {gid: GoalVerdict(own.loc[own["goal_id"] == gid, "verdict"].iloc[0]) for gid in dict.fromkeys(own["goal_id"])}


# verdicts that judge nothing (yet): not counted among the assessed goals
_NOT_JUDGED = (GoalVerdict.NOT_ASSESSED, GoalVerdict.CONTEXT, GoalVerdict.RUNNING)


def goals_reached(goal_table: pd.DataFrame) -> tuple[int, int]:
    """(reached, assessed) over the application's goals: a goal is reached when its verdict is
    reached without reservation; it is assessed unless it was not assessed, is still running or
    is a context goal."""
    verdicts = goal_verdicts(goal_table)
    assessed = [v for v in verdicts.values() if v not in _NOT_JUDGED]
    return sum(v is GoalVerdict.REACHED for v in assessed), len(assessed)


def report_figures(r) -> dict[str, Figure]:
    """The named figures of report ``r`` (a :class:`evaltools.present.report.Report`), by name.

    Only figures the report shows are named: a count the small-count rule hides is left out, and a
    cost-benefit figure only where the report states one.
    """
    out: list[Figure] = []
    out += _participant_figures(r)
    out += _goal_figures(r)
    out += _cost_figures(r)
    out += _effect_figures(r)
    return {f.name: f for f in out}


def _participant_figures(r) -> list[Figure]:
    if not r.project.has_participants:
        return []
    k = r.params.privacy.min_count
    df = r.project.participants
    dis = r.disclosure  # (the differencing rule: a figure the report withholds cannot be cited either)
    out = ([Figure("antal_deltagare", float(persons_of(df)), Unit.COUNT, Basis.COUNT, "participants")]
           if dis.shows(Secondary.PARTICIPANTS) else [])
    per_year = intake_per_year(r.project)  # (page 1's rule: no year where one is small)
    if per_year is not None:
        out += [Figure(f"antal_deltagare_ar{y}", float(n), Unit.COUNT, Basis.COUNT, f"participants:year{y}")
                for y, n in per_year.items()]
    sc = project_successes(r.project, r.lang)
    if sc.base and not hides(sc.base, k) and dis.shows(Secondary.SUCCESSES):
        d = f"successes:{sc.definition.kind}"
        out += [Figure("antal_avslutade", float(sc.base), Unit.COUNT, Basis.COUNT, f"{d}:base"),
                Figure("antal_lyckade", float(sc.successes), Unit.COUNT, Basis.COUNT, d),
                Figure("andel_lyckade", sc.share, Unit.SHARE, Basis.SHARE, d, decimals=1)]
    n_on = int(df[S.ONGOING].sum()) if S.ONGOING in df else 0
    if n_on and dis.shows(Secondary.ONGOING):  # (P − E, both published: a small number hides nothing)
        out.append(Figure("antal_pagaende", float(n_on), Unit.COUNT, Basis.COUNT, "ongoing"))
    return out


def _goal_figures(r) -> list[Figure]:
    tab = r.goals.table
    if tab.empty:
        return []
    out = []
    for row in tab.itertuples(index=False):
        gid, period = fold(str(row.goal_id)), fold(str(row.period_key))
        d = f"goal:{row.goal_id}:{row.period_key}"
        if (row.kind in ("qualitative", "context") or row.status == "ej_bedömt" or row.mode != "observed"
                or _num(row.value) is None):
            continue  # (an application's expected values are not the project's figures)
        if row.kind == "share":
            out += [Figure(f"mal_{gid}_{period}", float(row.value), Unit.SHARE, Basis.SHARE, d, decimals=1),
                    Figure(f"mal_{gid}_{period}_antal", float(row.numerator), Unit.COUNT, Basis.COUNT, d + ":numerator"),
                    Figure(f"mal_{gid}_{period}_av", float(row.denominator), Unit.COUNT, Basis.COUNT, d + ":denominator")]
        else:
            out.append(Figure(f"mal_{gid}_{period}", float(row.value), Unit.COUNT, Basis.COUNT, d))
    for gid in dict.fromkeys(tab["goal_id"]):
        first = tab[tab["goal_id"] == gid].iloc[0]
        target = _num(first["target"])
        if target is None or first["kind"] in ("qualitative", "context"):
            continue
        if tab.loc[tab["goal_id"] == gid, "target"].nunique() > 1:  # a target per year: no one target to cite
            continue
        share = first["kind"] == "share"
        out.append(Figure(f"malvarde_{fold(str(gid))}", target, Unit.SHARE if share else Unit.COUNT,
                          Basis.SHARE if share else Basis.COUNT, f"goal_target:{gid}", decimals=0))
    reached, assessed = goals_reached(tab)
    if assessed and (tab["mode"] == "observed").any():
        out += [Figure("mal_uppnadda", float(reached), Unit.COUNT, Basis.COUNT, "goals:reached"),
                Figure("mal_bedomda", float(assessed), Unit.COUNT, Basis.COUNT, "goals:assessed")]
    return out


PERSPECTIVES = ("kommun", "region", "stat", "fk", "individ", "offentliga", "samhälle")


def cost_key(cost_basis: str, settled: pd.Series, has_budget_total: bool) -> str:
    """Which cost sentence applies: the budget itself, a settled cost (with its share of the
    budget when there is one), a cost partly settled, or a cost counted from the budget only."""
    if cost_basis == "budget":
        return "summary.cost_budget"
    if settled.all():
        return "summary.cost_settled_share" if has_budget_total else "summary.cost_settled"
    if settled.any():
        return "summary.cost_partial"
    return "summary.cost_counted"


@dataclass(frozen=True)
class CostSaid:
    """How page 1 says the project's cost: its sentence (:func:`cost_key`), the lines never spent (a time after an
    early end), the budget the share used is of (without those lines) and the significant figures of the cost and
    that budget (:func:`~evaltools.words.formats.share_significant`: figures from which the share follows)."""

    key: str
    unspent: pd.Series
    settled: pd.Series
    budget: float | None
    significant: int


def cost_said(r) -> CostSaid:
    """:class:`CostSaid` of the report ``r``: page 1's cost sentence and the figure the evaluator cites
    (``kostnad_totalt``) say the cost at the same figures."""
    costs, s = r.cba.costs, r.cba.summary
    # (the lines of a time after an early end were never spent: the sentence is about the others)
    unspent = costs["unspent"].astype(bool) if "unspent" in costs else pd.Series(False, index=costs.index)
    settled = settled_lines(costs[~unspent])
    key = cost_key(r.params.cost_benefit.cost_basis, settled, bool(s.budget_total))
    if key != "summary.cost_settled_share":
        return CostSaid(key, unspent, settled, None, 2)
    budget = s.budget_total - float(costs.loc[unspent, S.BUDGET].sum())
    return CostSaid(key, unspent, settled, budget, share_significant(float(s.total_cost_nominal), budget, r.lang))


def _cost_figures(r) -> list[Figure]:
    s = r.cba.summary
    cb = r.params.cost_benefit
    total = _num(s.total_cost_nominal)
    if not total or total <= 0:
        return []
    py = int(s.price_year) if _num(s.price_year) is not None else None
    # (at page 1's figures: "1,13 miljoner kronor" where the share of the budget beside it asks for three)
    cost = cost_said(r)
    amounts = {"cost": (total, cost.significant)} | ({"budget": (cost.budget, cost.significant)} if cost.budget else {})
    out = [Figure("kostnad_totalt", total, Unit.KR, Basis.CURRENT_PRICES, "cost:total", None,
                  significant=cost.significant, places=shared_places(amounts)["cost"])]
    fixed = _num(s.total_cost_fixed)
    if fixed is not None:
        out.append(Figure("kostnad_fasta_priser", fixed, Unit.KR, Basis.FIXED_PRICES, "cost:total", None, price_year=py))
    budget = _num(s.budget_total)
    if budget:
        out.append(Figure("budget_totalt", budget, Unit.KR, Basis.CURRENT_PRICES, "budget:total", None))
        use = r.cba.budget_use  # the one share used: actual over the budget of the lines with an actual
        # (an application's check shows its budget only: no share used)
        if use is not None and use.lines_with_actual and _num(use.share) is not None and r.kind != "ansökan":
            # shown as page 1, the budget table and the portfolio show it: a whole percentage
            out.append(Figure("andel_av_budget", float(use.share), Unit.SHARE, Basis.SHARE, "budget:share_used", 0))
    if r.project.has_participants and s.participants and r.disclosure.shows(Secondary.COST_PER_PARTICIPANT):
        out.append(Figure("kostnad_per_deltagare", float(s.cost_per_participant), Unit.KR, Basis.CURRENT_PRICES,
                          "cost:per_participant", None))
        if (s.goal_successes and _num(s.cost_per_success) is not None
                and r.disclosure.shows(Secondary.COST_PER_SUCCESS)):
            kind = success_definition(r.params, r.lang).kind
            out.append(Figure("kostnad_per_lyckat_utfall", float(s.cost_per_success), Unit.KR,
                              Basis.CURRENT_PRICES, f"cost:per_success:{kind}", None))
    mode = s.mode
    if mode == "structural":
        years = _num(s.break_even_person_years)
        if years is not None:
            out.append(Figure("personar_for_nollresultat", years, Unit.YEARS, Basis.FIXED_PRICES,
                              "break_even_person_years", 1, price_year=py))
        return out
    if not (s.successes or mode == "ex_ante"):
        return out
    rows = r.cba.table.set_index("perspective")
    lead = s.perspective
    pv = dict(basis=Basis.PRESENT_VALUE, decimals=None, price_year=py, rate=cb.discount_rate, horizon=cb.horizon_years)
    said = _public_rounding(rows)
    for p in PERSPECTIVES:
        if p not in rows.index or _num(rows.loc[p, "npv"]) is None:
            continue
        row, name = rows.loc[p], fold(p)
        names = [("nettonuvarde", "npv"), ("nuvarde_nytta", "pv_benefit"), ("nuvarde_kostnad", "pv_cost")]
        for prefix, col in names:
            v = _num(row[col])
            if v is None:
                continue
            digits, places = said.get((p, col), (2, None))
            out.append(Figure(f"{prefix}_{name}", v, Unit.KR, definition=col, perspective=p, significant=digits,
                              places=places, **pv))
            if p == lead:
                out.append(Figure(prefix, v, Unit.KR, definition=col, perspective=p, significant=digits, places=places,
                                  **pv))
        # society's skattefaktor, not in its cost: its net present value is benefit − cost + this effect
        sf = _num(row["pv_skattefaktor"]) if p == "samhälle" and "pv_skattefaktor" in row else None
        if sf:
            out.append(Figure("skattefaktorns_effekt_samhalle", sf, Unit.KR, definition="pv_skattefaktor", perspective=p, **pv))
    dw = _num(s.deadweight)
    if dw is not None:
        # (to a tenth of a percentage point where it has one, as the assumptions table and page 1 say it: 51,6 %, 25 %)
        tenths = 0 if math.isclose(dw * 100, round(dw * 100), abs_tol=1e-9) else 1
        out.append(Figure("dodvikt", dw, Unit.SHARE, Basis.SHARE, "deadweight", tenths, perspective=lead))
    sw = _num(s.switching_deadweight)
    if sw is not None:
        out.append(Figure("dodvikt_nollpunkt", sw, Unit.SHARE, Basis.SHARE, "switching_deadweight", 0, perspective=lead))
    mc = r.cba.monte_carlo
    if mc:
        # the share at the net present value's horizon, held in the draws (as page 1 states it beside that value);
        # the share with the horizon drawn over its range is another figure, not named here
        h = r.cba.simulation.horizon_years if r.cba.simulation is not None else cb.horizon_years
        for p, res in mc.by_perspective.items():
            v = _num(res.p_npv_positive)
            if v is None or p not in rows.index or _num(rows.loc[p, "npv"]) is None:
                continue
            f = dict(unit=Unit.PROBABILITY, basis=Basis.SHARE, definition="p_npv_positive", decimals=0, perspective=p,
                     horizon=h)
            out.append(Figure(f"sannolikhet_lonsamt_{fold(p)}", v, **f))
            if p == lead:
                out.append(Figure("sannolikhet_lonsamt", v, **f))
    return out


def _effect_figures(r) -> list[Figure]:
    d = r.payments.did
    if d is None:
        return []
    return [Figure(name, float(v), Unit.KR_PER_MONTH, Basis.CURRENT_PRICES, "did:" + part, 0)
            for name, part, v in (("effekt_forsorjningsstod", "effect", d.effect),
                                  ("effekt_forsorjningsstod_lag", "ci_low", d.ci_low),
                                  ("effekt_forsorjningsstod_hog", "ci_high", d.ci_high))]
