"""The ledger: every flow per actor, transfers that cancel and resources that do not, and each
perspective's cost, benefit, NPV, payback and break-even."""
from __future__ import annotations


import numpy as np
import pandas as pd

from ..result import Note
from .model import EMPLOYMENT_ITEMS, LEDGER_ACTORS, PERSPECTIVES, _Model



# where a ledger row's figure comes from: a register estimate, the model's assumptions, the project's cost
# (budget and utfall), or the public budgets' net result (the skattefaktor's effect: on the cost less the public
# savings, measured and assumed alike, so neither the budget's nor one of the others')
MEASURED, ASSUMED, COST, PUBLIC_NET = "measured", "assumed", "cost", "public_net"

BENEFIT_ITEMS = {"forsorjningsstod": "transfer", "ersattning_fk": "transfer", "ersattning_stat": "transfer",
                 "lonestod": "transfer", "arbetsinkomst": "resource", "skatt": "transfer",
                 # the participants' employment in the project: the wage and the fee are the project's cost (its
                 # line of their wages) passed on to the participant and the state, the rest moves between actors
                 **dict.fromkeys(EMPLOYMENT_ITEMS, "transfer")}


# how a perspective's benefit is known (:func:`benefit_basis`): every flow of it measured in register
# data, none of them (calculated from exits and assumptions), or some of each
BENEFIT_MEASURED, BENEFIT_CALCULATED, BENEFIT_PARTLY = "measured", "calculated", "partly"


def benefit_basis(ledger: pd.DataFrame | None, perspective: str) -> str:
    """Whether the benefit of ``perspective`` (its actors' flows other than the project's cost) is measured
    in register data (``BENEFIT_MEASURED``), calculated from the exits and the assumptions
    (``BENEFIT_CALCULATED``), or partly each (``BENEFIT_PARTLY``: the försörjningsstöd saved calculated, the
    tax on earnings and the state's benefits measured, say). A ledger without such flows is calculated.

    Examples
    --------
    >>> led = pd.DataFrame({"item": ["forsorjningsstod", "skatt"], "actor": ["kommun", "kommun"],
    ...                     "pv": [100.0, 20.0], "source": [ASSUMED, MEASURED]})
    >>> benefit_basis(led, "kommun"), benefit_basis(led.iloc[1:], "kommun"), benefit_basis(led.iloc[:1], "kommun")
    ('partly', 'measured', 'calculated')
    """
    if ledger is None or ledger.empty:
        return BENEFIT_CALCULATED
    rows = ledger[ledger["actor"].isin(PERSPECTIVES[perspective]) & ~ledger["source"].isin((COST, PUBLIC_NET))
                  & (ledger["pv"] != 0)]
    sources = set(rows["source"])
    if sources == {MEASURED}:
        return BENEFIT_MEASURED
    return BENEFIT_PARTLY if MEASURED in sources else BENEFIT_CALCULATED


def earnings_measured(ledger: pd.DataFrame | None) -> bool:
    """Whether the ledger's earnings from work are measured in register data (rather than valued at a
    wage level the params give, or not valued at all)."""
    if ledger is None or ledger.empty:
        return False
    return bool(((ledger["item"] == "arbetsinkomst") & (ledger["source"] == MEASURED)).any())


def benefits_measured(ledger: pd.DataFrame | None) -> bool:
    """Whether the ledger's benefits paid instead of försörjningsstöd (by the state or Försäkringskassan) are
    measured in register data (rather than booked by the model from the leavers' outcomes)."""
    if ledger is None or ledger.empty:
        return False
    return bool((ledger["item"].str.startswith("ersattning_") & (ledger["source"] == MEASURED)).any())


def _ledger(m: _Model) -> tuple[pd.DataFrame, dict[tuple[str, str], np.ndarray]]:
    """Every flow per ledger actor (present values, price-year kr), and the monthly streams.

    Transfers (försörjningsstöd, the benefit paid instead, tax on earnings) move money between
    actors and sum to zero over them; resources (the project's cost, earnings from work, the
    skattefaktor's excess burden of the tax-financed cost) are real gains or losses. Rows with no
    flow are left out.
    """
    rows, streams = [], {}

    def disc(n: int) -> np.ndarray:
        return (1 + m.rate) ** (-np.arange(n) / 12)

    for item, kind in BENEFIT_ITEMS.items():
        earned = m.earnings > 0 or m.earnings_measured
        if item in ("arbetsinkomst", "skatt") and not earned or item == "lonestod" and not m.subsidy > 0:
            continue
        if item in EMPLOYMENT_ITEMS and not m.employed:
            continue
        measured = m.is_measured(item) or (item == "skatt" and m.earnings_measured) or (
            item.startswith("ersattning_") and m.benefits_measured)
        for actor in LEDGER_ACTORS:
            s = m.benefit_stream(actor, item)
            if np.any(s):
                streams[(item, actor)] = s
                rows.append({"item": item, "kind": kind, "actor": actor, "pv": float((s * disc(len(s))).sum()),
                             "source": MEASURED if measured else ASSUMED})
    for actor in LEDGER_ACTORS:
        c = m.cost_actual[actor] + m.cost_budget[actor]
        if np.any(c):
            streams[("projektkostnad", actor)] = -c
            rows.append({"item": "projektkostnad", "kind": "resource", "actor": actor, "pv": -float((c * disc(len(c))).sum()),
                         "source": COST})
    # the skattefaktor on the net effect on public budgets: public cost minus the public savings
    public = [a for a in PERSPECTIVES["offentliga"]]
    total = sum(m.cost_actual[a] + m.cost_budget[a] for a in public)
    gained = [s for (item, a), s in streams.items() if a in public and item != "projektkostnad"]
    if m.skattefaktor != 1 and np.ndim(total) and np.any(total):
        extra = -(m.skattefaktor - 1) * _padded_sum([total, *(-g for g in gained)])
        streams[("skattefaktor", "samhälle")] = extra
        rows.append({"item": "skattefaktor", "kind": "resource", "actor": "samhälle",
                     "pv": float((extra * disc(len(extra))).sum()), "source": PUBLIC_NET})
    return pd.DataFrame(rows, columns=["item", "kind", "actor", "pv", "source"]), streams


def _padded_sum(streams: list[np.ndarray]) -> np.ndarray:
    """Monthly streams of different lengths summed on one grid from month 0."""
    out = np.zeros(max([1, *(len(s) for s in streams)]))
    for s in streams:
        out[:len(s)] += s
    return out


def _payback(benefit: np.ndarray, cost: np.ndarray, rate: float) -> float:
    """Months from the project start until the discounted cumulative net stays at or above zero
    (benefits and costs on the same monthly grid); NaN when it never does."""
    n = max(len(benefit), len(cost))
    net = np.zeros(n)
    net[:len(benefit)] += benefit
    net[:len(cost)] -= cost
    if not np.any(cost):
        return np.nan
    cum = np.cumsum(net / (1 + rate) ** (np.arange(n) / 12))
    if cum[-1] < 0:
        return np.nan
    below = np.flatnonzero(cum < -1e-6)
    return float(below[-1] + 2) if len(below) else 1.0


def _perspectives(m: _Model, ledger: pd.DataFrame, streams: dict, n_success: int) -> pd.DataFrame:
    """One row per perspective: cost borne, benefit, the skattefaktor's effect, NPV, BCR, payback,
    break-even, switching deadweight.

    ``pv_cost`` is the project's cost the perspective's actors bear (society's: the whole cost) and
    ``pv_benefit`` their benefit; ``pv_skattefaktor`` is the skattefaktor's effect on society's net,
    −(skattefaktor − 1) × the net effect on public budgets (the ledger's ``skattefaktor`` row: a loss
    when the public budgets bear a net cost, a gain when they gain), NaN for every other perspective,
    which does not carry it. ``npv`` = benefit − cost + the skattefaktor's effect. ``earnings_unvalued``
    marks the perspectives whose result misses the earnings of those who left for work (the individual's
    and society's, where no wage level is given and none is measured), the rows whose note says so.

    The ratios (BCR, break-even exits, switching deadweight) count society's skattefaktor on the side
    it comes from: (skattefaktor − 1) × the public cost with the cost, (skattefaktor − 1) × the public
    savings with the benefit, so that BCR > 1 exactly when the NPV is positive and the break-even and the
    switching deadweight are where the NPV, skattefaktor included, is zero.
    """
    # (exits to work of persons without försörjningsstöd at start count too: their earnings are not valued either)
    earnings_unvalued = (not m.earnings > 0 and not m.earnings_measured
                         and (bool(m.is_work.any()) or m.work_left_out))
    is_cost = ledger["item"] == "projektkostnad"
    sf_rows = ledger["item"] == "skattefaktor"
    # (the ledger has the skattefaktor's row only where it applies: a factor above 1 on a public cost)
    sf = (m.skattefaktor - 1) if sf_rows.any() else 0.0
    public = ledger["actor"].isin(PERSPECTIVES["offentliga"])
    public_cost = -float(ledger.loc[public & is_cost, "pv"].sum())
    public_benefit = float(ledger.loc[public & ~is_cost & ~sf_rows, "pv"].sum())
    rows = []
    for p, actors in PERSPECTIVES.items():
        in_p = ledger["actor"].isin(actors)
        society = p == "samhälle"
        c = -float(ledger.loc[in_p & is_cost, "pv"].sum())
        b = float(ledger.loc[in_p & ~is_cost & ~sf_rows, "pv"].sum())
        e = float(ledger.loc[sf_rows, "pv"].sum()) if society else np.nan
        b_stream = _padded_sum([s for (item, a), s in streams.items()
                                if (a in actors) and item not in ("projektkostnad", "skattefaktor")])
        c_stream = -_padded_sum([s for (item, a), s in streams.items()
                                 if (a in actors or (society and a == "samhälle"))
                                 and item in ("projektkostnad", "skattefaktor")])
        note: Note | str = ""
        # earnings measured over fewer months than the försörjningsstöd saved is counted over: the
        # individual's NPV would set the shorter window against the longer one, and society's counts the
        # earnings of the measured months only
        short = m.earnings_cut_short
        window = {"months": int(m.measured_months), "horizon": int(round(m.horizon * 12))}
        if earnings_unvalued and p == "individ":
            b, note = np.nan, Note.of("assumption.actor_individual")
        elif earnings_unvalued and society:
            note = Note.of("assumption.actor_society")
        elif short and p == "individ":
            b, note = np.nan, Note.of("assumption.actor_individual_short", months=window["months"], horizon=window["horizon"])
        elif short and society:
            note = Note.of("assumption.actor_society_short", months=window["months"])
        npv = b - c + (e if society else 0.0)
        # the ratios' cost and benefit: society's with the skattefaktor on the side it comes from
        c_ratio = c + (sf * public_cost if society else 0.0)
        b_ratio = b + (sf * public_benefit if society else 0.0)
        # (flows measured from register outcomes carry no deadweight and come with no exit: the
        # switching deadweight and the break-even count the exits' share of the benefit only)
        # (nor do the flows of the participants' employment in the project: :meth:`_Model.pv_no_exit`)
        measured = m.pv_no_exit(p) + (sf * m.pv_no_exit("offentliga") if society else 0.0)
        c_exits = c_ratio - measured  # the cost the exits must carry
        b_exits = b_ratio - measured
        b0 = b_exits / (1 - m.deadweight) if m.deadweight < 1 and not np.isnan(b) else np.nan
        switching = 1 - c_exits / b0 if (c_exits > 0 and b0 > 0) else np.nan
        rows.append({
            "perspective": p, "pv_cost": c, "pv_benefit": b, "pv_skattefaktor": e, "npv": npv,
            "bcr": b_ratio / c_ratio if c_ratio > 0 and not np.isnan(b) else np.nan,
            "payback_months": _payback(b_stream, c_stream, m.rate) if n_success and not np.isnan(b) else np.nan,
            "break_even_exits": c_exits / (b_exits / n_success) if (n_success and b_exits > 0 and c_exits > 0) else np.nan,
            "switching_deadweight": switching if 0 <= switching <= 1 else np.nan,
            "lower_bound": bool(earnings_unvalued and society),  # (a short window is said in its note: no sure bound either way)
            # the perspectives whose result misses the earnings (the individual's and society's, as their notes say)
            "earnings_unvalued": bool(earnings_unvalued and p in ("individ", "samhälle")),
            "note": note,
            # what one more (or one fewer) exit adds: to the benefit as stated (measured flows come with no exit)
            # and to the NPV and the ratios' benefit (society's skattefaktor on the public savings included);
            # with the ratios' cost, the figures at any other number of exits (:class:`~.summary.ExitRange`)
            "benefit_per_exit": (b - m.pv_no_exit(p)) / n_success if n_success else np.nan,
            "net_per_exit": b_exits / n_success if n_success and not np.isnan(b) else np.nan,
            "ratio_cost": c_ratio,
            # the cost the break-even's exits carry: the ratios' cost (society's with the skattefaktor) less the
            # measured flows, which come with no exit
            "exit_cost": c_exits,
        })
    return pd.DataFrame(rows)


# the columns of :func:`_perspectives` that say what one exit adds; the cost-benefit result keeps them apart
# from its table (:func:`evaltools.analysis.costbenefit.exit_range`)
PER_EXIT_COLUMNS = ("benefit_per_exit", "net_per_exit", "ratio_cost", "exit_cost")
