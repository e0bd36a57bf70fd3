"""The cost-benefit model: the monthly level avoided per exit, the actors and perspectives, and
the monthly grid every flow sits on (:class:`_Model`)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ...data import schema as S
from ...data.privacy import hides
from ...data.ages import AGE_OPEN_END, age_group_bounds
from ...data.project import Project
from ...data.reference import PARENTS_HOUSEHOLD, RefValue, household_norm, pension_age, pension_ages, price_factor
from ..result import Money, Note, Wording
from ...data.params import project_kind



# --- assumptions ------------------------------------------------------------------------
@dataclass(frozen=True)
class UsedAssumption:
    """The value one assumption of :data:`evaltools.data.assumptions.REGISTRY` took in a calculation,
    where it came from, and whether that source is weak (``flagged``)."""

    name: str
    value: float
    source: Note | str  # the evaluator's own text from the params file, else a note worded by the words layer
    flagged: bool = False


def _riksnorm_levels(project: Project, succ: pd.DataFrame) -> tuple[np.ndarray, list[RefValue], float]:
    """Riksnorm for each leaver's household plus housing, in price-year prices; with no leavers,
    the level of one adult living alone (what a requirement is counted at). A leaver living with their
    parents saves their own part of the household's norm and no housing: the home is the parents'."""
    params, ml = project.params, project.params.cost_benefit.monthly_level
    py, kpi_over = params.price_year, dict(params.reference.kpi)
    fh, used_refs = price_factor(ml.housing_year, py, kpi_over)
    known = ("ensamstående", "ensamstående_med_barn", "sambo_utan_barn", "sambo_med_barn", PARENTS)
    if len(succ):
        types = succ[S.HOUSEHOLD_TYPE].where(succ[S.HOUSEHOLD_TYPE].isin(known), "ensamstående")
        kids = succ[S.N_CHILDREN].fillna(0).astype(int)
    else:
        types, kids = pd.Series(["ensamstående"]), pd.Series([0])
    combos = pd.DataFrame({"ht": types.to_numpy(), "kids": kids.to_numpy()}).drop_duplicates()
    norms = []
    for ht, nk in combos.itertuples(index=False):  # one lookup per household kind, not per person
        norm, vals = household_norm(py, ht, int(nk), ml.child_age_band, dict(params.reference.riksnorm))
        used_refs = [*used_refs, *vals]
        norms.append(norm + (0.0 if ht == PARENTS else ml.housing_sek * fh))
    combos["level"] = norms
    level = (pd.DataFrame({"ht": types.to_numpy(), "kids": kids.to_numpy()})
             .merge(combos, on=["ht", "kids"], how="left")["level"].to_numpy(float))
    return (level if len(succ) else level[:0]), used_refs, float(level.mean())


PARENTS = "bor_med_föräldrar"  # a young adult in the parents' home: their share of its norm, no housing


def _with_parents(succ: pd.DataFrame) -> bool:
    """Whether any leaver lives with their parents (their level is worked out in its own way)."""
    return bool(len(succ)) and bool((succ[S.HOUSEHOLD_TYPE] == PARENTS).any())


def _riksnorm_source(project: Project, refs: list[RefValue], single: bool, parents: bool = False) -> Note:
    """Where a riksnorm level comes from: Socialstyrelsen's amount for the price year, or, where the
    reference data hold only an estimate for that year (another year's value uprated by KPI, or one
    marked as an estimate or unchecked), the toolkit's estimate, so that no page says "enligt
    Socialstyrelsen" of a figure the appendix lists among the estimated reference values."""
    ml = project.params.cost_benefit.monthly_level
    estimated = any(v.what.startswith("riksnorm:") and (v.fallback_from or v.confidence in ESTIMATED)
                    for v in refs)
    key = {(False, False): "assumption.monthly_level_riksnorm_source",
           (True, False): "assumption.monthly_level_riksnorm_single_source",
           (False, True): "assumption.monthly_level_riksnorm_estimated_source",
           (True, True): "assumption.monthly_level_riksnorm_single_estimated_source"}[single, estimated]
    # the housing also in the price year's prices, the level's own: without it a reader could not add the two parts
    fh, _ = price_factor(ml.housing_year, project.params.price_year, dict(project.params.reference.kpi))
    values: dict[str, object] = {
        "price_year": str(project.params.price_year), "housing": Money(ml.housing_sek),
        "housing_year": str(ml.housing_year), "housing_now": Money(ml.housing_sek * fh),
        "parents": Note.of("assumption.monthly_level_riksnorm_parents", n=str(PARENTS_HOUSEHOLD)) if parents else ""}
    if not single:  # a household's norm counts its children at one age band, which the source names
        values["children"] = Note.of("assumption.monthly_level_riksnorm_children",
                                     band=ml.child_age_band.replace("-", "\u2013")) \
            if any(v.what.startswith("riksnorm:child:") for v in refs) else ""
    return Note(key, tuple(values.items()))


# the reference data's marks of a value that is not the source's own figure for its year (docs: reference.py)
ESTIMATED = ("EST", "L", "FALLBACK")


def _missing_note(n: int, k: int) -> Note:
    """How many leavers had no payments before start and got the median level: a count of persons,
    said as "fewer than k" under the small-count rule."""
    return (Note.of("assumption.monthly_level_own_missing_few", k=k) if hides(n, k)
            else Note.of("assumption.monthly_level_own_missing", n=n))


def shared_households(succ: pd.DataFrame) -> np.ndarray:
    """Which leavers share their household with another person who left before them or on the same day:
    every leaver of a household but its first (by end date; of several who left on its first day, all but
    the one whose person id sorts first, so that the answer does not depend on the order of the rows).
    Försörjningsstöd is paid per household, so a household's level is saved once however many of its
    members leave (:func:`household_parts`). Without ``household_id`` every person is their own household
    (the loader fills it in), so nothing is shared; a person who leaves twice is not a second person of the
    household."""
    shared = np.zeros(len(succ), bool)
    if S.HOUSEHOLD_ID not in succ or not len(succ):
        return shared
    keys = _household_keys(succ)
    order = np.lexsort((succ[S.PERSON_ID].astype(str).to_numpy(), succ[S.END_DATE].to_numpy("datetime64[ns]")))
    first: dict[str, str] = {}
    persons = succ[S.PERSON_ID].astype(str).to_numpy(object)
    for i in order.tolist():
        if keys[i] is not None:
            shared[i] = first.setdefault(keys[i], persons[i]) != persons[i]
    return shared


def _household_keys(succ: pd.DataFrame) -> list[str | None]:
    """Each leaver's household id as text, None where the row gives none (that leaver is their own household)."""
    if S.HOUSEHOLD_ID not in succ:
        return [None] * len(succ)
    text = succ[S.HOUSEHOLD_ID].astype(str)
    given = succ[S.HOUSEHOLD_ID].notna() & (text.str.strip() != "")
    return text.astype(object).where(given, None).tolist()


@dataclass(frozen=True)
class HouseholdParts:
    """How the households' försörjningsstöd is divided between the leavers (:func:`household_parts`).

    ``level``: each leaver's part of their household's monthly level; ``fs_month``: the month index, from the
    project's start, of the first month without försörjningsstöd for the leaver's household (the month after
    the household's first exit month); ``shared``: the leavers counted in a household where another also left
    (:func:`shared_households`); ``households``: the households with more than one leaver."""

    level: np.ndarray
    fs_month: np.ndarray
    shared: np.ndarray
    households: int


def household_parts(succ: pd.DataFrame, level: np.ndarray, exit_m: np.ndarray) -> HouseholdParts:
    """The households' försörjningsstöd divided between the leavers, whatever the order of the rows.

    Försörjningsstöd is paid per household. A household whose members leave it (``household_id`` shared by
    several leavers) leaves försörjningsstöd at its first exit: from the month after the month of the earliest
    end date among them, the municipality saves the household's level, once. The household's level is that
    of its first leaver (of several who left on that day, the mean of theirs). The saving is divided equally
    between the household's leavers, one part per person, and each part follows what its member went to: the
    part of one who went to work is the municipality's saving and the försörjningsstöd the household gives
    up, from the household's exit; the part of one who went to studies or a benefit is paid by the state or
    Försäkringskassan instead from the member's own exit (the benefit is the member's own), as are the member's
    earnings, where valued, and a wage subsidy. A person who leaves twice has one part, divided between their exits.

    Parameters
    ----------
    succ
        The successful leavers, one row per exit (``person_id``, ``end_date``, optionally ``household_id``).
    level
        Each leaver's household's monthly level, in the order of ``succ``.
    exit_m
        Each leaver's first month without försörjningsstöd, from the project's start.

    Examples
    --------
    >>> succ = pd.DataFrame({"person_id": ["B", "A", "C"], "household_id": ["H1", "H1", "H2"],
    ...                      "end_date": pd.to_datetime(["2024-08-31", "2024-06-30", "2024-06-30"])})
    >>> parts = household_parts(succ, np.array([9000.0, 9000.0, 6000.0]), np.array([8, 6, 6]))
    >>> parts.level.tolist(), parts.fs_month.tolist(), parts.shared.tolist()
    ([4500.0, 4500.0, 6000.0], [6, 6, 6], [True, False, False])
    """
    level = np.asarray(level, float).copy()
    fs_month = np.asarray(exit_m, int).copy()
    shared = shared_households(succ)
    if not shared.any():
        return HouseholdParts(level, fs_month, shared, 0)
    keys = _household_keys(succ)
    ends = succ[S.END_DATE].to_numpy("datetime64[ns]")
    persons = succ[S.PERSON_ID].astype(str).to_numpy(object)
    several = {keys[i] for i in np.flatnonzero(shared).tolist()}  # (the households with more than one leaver)
    rows_of: dict[str, list[int]] = {}
    for i, hh in enumerate(keys):
        if hh is not None and hh in several:
            rows_of.setdefault(hh, []).append(i)
    households = 0
    for rows in rows_of.values():
        members = sorted({persons[i] for i in rows})
        if len(members) < 2:
            continue
        households += 1
        idx = np.array(rows)
        first_day = ends[idx].min()
        hh_level = float(level[idx[ends[idx] == first_day]].mean())
        hh_month = int(fs_month[idx].min())
        for i in rows:
            exits_of_person = sum(persons[j] == persons[i] for j in rows)
            level[i] = hh_level / len(members) / exits_of_person
            fs_month[i] = hh_month
    return HouseholdParts(level, fs_month, shared, households)


def _household_levels(project: Project, succ: pd.DataFrame, level: np.ndarray, exit_m: np.ndarray,
                      assumptions: list[UsedAssumption]) -> tuple[HouseholdParts, list[UsedAssumption]]:
    """The levels divided by household (:func:`household_parts`), and the monthly level's source saying how
    many leavers were not counted again (a count of persons, "fewer than k" under the small-count rule)."""
    parts = household_parts(succ, level, exit_m)
    if not parts.shared.any():
        return parts, assumptions
    n, k = int(parts.shared.sum()), project.params.privacy.min_count
    out = []
    for a in assumptions:
        if a.name == "monthly_level":
            note = (Note.of("assumption.monthly_level_household_few", source=a.source, k=k) if hides(n, k)
                    else Note.of("assumption.monthly_level_household", source=a.source, n=n))
            a = UsedAssumption(a.name, a.value, note, a.flagged)
        out.append(a)
    return parts, out


def _monthly_levels(project: Project, succ: pd.DataFrame,
                    exit_m: np.ndarray) -> tuple[HouseholdParts, list[UsedAssumption], list[RefValue]]:
    """Monthly försörjningsstöd avoided per successful exit, in price-year prices, a household's
    saving counted once and divided between its leavers (:func:`household_parts`)."""
    level, assumptions, refs = _person_levels(project, succ)
    parts, assumptions = _household_levels(project, succ, level, exit_m, assumptions)
    return parts, assumptions, refs


def _person_levels(project: Project, succ: pd.DataFrame) -> tuple[np.ndarray, list[UsedAssumption], list[RefValue]]:
    """Monthly försörjningsstöd avoided per successful exit, in price-year prices: each leaver's
    household's level (its riksnorm, or the payments to it before the start).

    Without leavers the assumption row carries the level a requirement is counted at: the fixed
    amount where the params give one, else riksnorm for one adult living alone plus housing.
    """
    params, cb = project.params, project.params.cost_benefit
    ml = cb.monthly_level
    py = params.price_year
    kpi_over = dict(params.reference.kpi)
    used_refs: list[RefValue] = []
    method = ml.method
    if method == "own_payments" and (project.payments is None or not len(succ)):
        method = "fixed" if ml.amount_sek else "riksnorm"
    if method == "fixed":  # (the params require both with method fixed; a fallback takes the price year)
        year = ml.amount_year or py
        f, refs = price_factor(year, py, kpi_over)
        used_refs += refs
        src = Wording(ml.source, ml.source_en) if ml.source else Note.of("assumption.params_file")
        if ml.by_municipality is not None:
            level, used = _municipality_levels(succ, ml.by_municipality, f, str(year), src, ml.method == "own_payments")
            return level, used, used_refs
        amount = float(ml.one_amount or 0.0)  # (a number here: a mapping is the municipalities' above)
        level = np.full(len(succ), amount * f)
        return level, [UsedAssumption("monthly_level", float(amount * f),
                                      Note.of("assumption.monthly_level_fixed_source", amount=Money(amount),
                                              year=str(year), source=src),
                                      flagged=ml.method == "own_payments")], used_refs
    if method == "riksnorm":
        level, used_refs, mean = _riksnorm_levels(project, succ)
        flag = any(v.flagged for v in used_refs)
        # (with no leavers: the level of one adult living alone, what a requirement is counted at)
        source = _riksnorm_source(project, used_refs, single=not len(succ), parents=_with_parents(succ))
        below = _own_far_below(project, succ, level, source)
        return level, [UsedAssumption("monthly_level", mean, below or source, flag or below is not None)], used_refs
    level = _own_levels(project, succ)
    missing = np.isnan(level)
    if missing.all():  # nobody's own payments in the window: riksnorm for their households (a general source),
        # and the note says that the params file's choice could not be followed, and why
        level, used_refs, _ = _riksnorm_levels(project, succ)
        riksnorm = _riksnorm_source(project, used_refs, single=False, parents=_with_parents(succ))
        return level, [UsedAssumption("monthly_level", float(level.mean()),
                                      Note.of("assumption.monthly_level_own_none", riksnorm=riksnorm,
                                              first=str(ml.months_before_start + ml.gap_before_start),
                                              last=str(ml.gap_before_start + 1)),
                                      True)], used_refs
    if missing.any():
        level[missing] = np.nanmedian(level)
    return level, [UsedAssumption("monthly_level", float(np.nanmean(level)) if len(level) else np.nan,
                                  Note.of("assumption.monthly_level_own_source",
                                          first=str(ml.months_before_start + ml.gap_before_start),
                                          last=str(ml.gap_before_start + 1),
                                          missing=(_missing_note(int(missing.sum()), params.privacy.min_count)
                                                   if missing.any() else "")),
                                  bool(missing.any()))], used_refs


def _own_far_below(project: Project, succ: pd.DataFrame, level: np.ndarray, source: Note) -> Note | None:
    """Where the riksnorm values the leavers' saving and the payments file shows what they were paid before the
    start (the months :func:`_own_levels` reads), and that was less than half the riksnorm's level for the same
    leavers (försörjningsstöd topping up another benefit, as in the establishment programme), the assumption's
    source says so, with the mean paid: the saving counted may be overstated. Not where fewer than
    ``privacy.min_count`` leavers were paid then, or one of them was paid more than ``privacy.dominance`` of the
    total (the mean would tell a few persons' payments); None then, and where the payments are not far below."""
    if project.payments is None or not len(succ):
        return None
    own = _own_levels(project, succ)
    paid = ~np.isnan(own) & (np.nan_to_num(own) > 0)
    n, privacy = int(paid.sum()), project.params.privacy
    if n < privacy.min_count or own[paid].max() > privacy.dominance * own[paid].sum():
        return None
    own_mean, norm_mean = float(own[paid].mean()), float(level[paid].mean())
    if not own_mean < norm_mean:
        return None
    ml = project.params.cost_benefit.monthly_level
    # (less than half: the saving may be overstated, as page 1 says; else the observed level is said beside the
    # riksnorm's, and the sensitivity tests the level down to it, :func:`own_level_observed`)
    return Note.of("assumption.monthly_level_riksnorm_above_own" if own_mean < 0.5 * norm_mean
                   else "assumption.monthly_level_riksnorm_own_lower", riksnorm=source, own=Money(own_mean),
                   norm=Money(norm_mean), first=str(ml.months_before_start + ml.gap_before_start),
                   last=str(ml.gap_before_start + 1))


def level_above_own(assumptions: list[UsedAssumption]) -> tuple[float, float] | None:
    """The leavers' mean payment a month before the start and the riksnorm's level for them, where the monthly
    level's source says the first was less than half the second (:func:`_own_far_below`; inside the household rule's
    note too), for page 1; None otherwise."""
    return own_level_observed(assumptions, ("assumption.monthly_level_riksnorm_above_own",))


def own_level_observed(assumptions: list[UsedAssumption],
                       keys: tuple[str, ...] = ("assumption.monthly_level_riksnorm_above_own",
                                                "assumption.monthly_level_riksnorm_own_lower")) -> tuple[float, float] | None:
    """The leavers' mean payment a month before the start and the riksnorm's level for them, where the monthly
    level's source says the first was lower (:func:`_own_far_below`, notes ``keys``): the level the sensitivity
    tests the riksnorm's down to. None otherwise."""
    for used in assumptions:
        note: object = used.source if used.name == "monthly_level" else None
        while isinstance(note, Note):
            values = dict(note.values)
            if note.key in keys:
                own, norm = values["own"], values["norm"]
                assert isinstance(own, Money) and isinstance(norm, Money)  # (as _own_far_below writes them)
                return own.value, norm.value
            note = values.get("source")  # (the household rule wraps the level's source)
    return None


def payment_rows_of(project: Project, people: pd.Index) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The payment rows of ``people`` (ids), found by the person codes and month index the project keeps
    (:meth:`~evaltools.data.project.Project.payment_persons`, :meth:`~evaltools.data.project.Project.payment_months`):
    each row's position among ``people``, its month index, its amount and the amount in the price year's prices
    (each calendar year's KPI factor; NaN where the amount is missing). For the leavers' own level before the start
    (:func:`_own_levels`) and their payments after the exit (:mod:`.persistence`)."""
    pay = project.payments
    months = project.payment_months()
    assert pay is not None and months is not None  # (the callers read them only with a payments file)
    paid_people, paid_code = project.payment_persons()
    code = np.append(people.get_indexer(paid_people), -1)[paid_code]  # (a code of −1, someone else's row, stays −1)
    mine = (code >= 0) & np.isfinite(months)
    code, m = code[mine], np.asarray(months[mine], dtype=np.int64)
    amount = pay[S.AMOUNT].to_numpy(float, na_value=np.nan)[mine]
    params = project.params
    # each calendar year's price factor, looked up by the year's offset from the first (few years, many rows)
    y0 = int(m.min()) // 12 if len(m) else 0
    offset = m // 12 - y0
    fac = np.array([price_factor(y0 + int(i), params.price_year, dict(params.reference.kpi))[0] if n else np.nan
                    for i, n in enumerate(np.bincount(offset))])
    return code, m, amount, amount * fac[offset] if len(m) else amount.copy()


def _own_levels(project: Project, succ: pd.DataFrame) -> np.ndarray:
    """Each leaver's (each enrolment's) own mean payment a month over ``months_before_start`` months ending
    ``gap_before_start`` months before the start month, in price-year prices; NaN where the payments file has no
    row in those months.

    The payment rows are found by the person codes and month index kept on the project
    (:meth:`~evaltools.data.project.Project.payment_persons`, :meth:`~evaltools.data.project.Project.payment_months`),
    summed per person and month once, and each enrolment's window read from those sums: no copy of the payments
    per enrolment (a person who left twice has two start months, each with its own months before)."""
    ml = project.params.cost_benefit.monthly_level
    people = pd.Index(pd.unique(succ[S.PERSON_ID].to_numpy()))
    code, m, _, fixed = payment_rows_of(project, people)
    fixed = np.nan_to_num(fixed)  # (a missing amount adds 0 kr, a row)
    first = int(m.min()) if len(m) else 0
    span = int(m.max()) - first + 1 if len(m) else 1
    key = code.astype(np.int64) * span + (m - first)
    n_cells = len(people) * span
    if n_cells <= 4 * len(key) + 1_000_000:  # (few empty cells: every person and month is a position)
        sums = np.bincount(key, weights=fixed, minlength=n_cells)
        seen = np.bincount(key, minlength=n_cells) > 0
        index: pd.Index | None = None
    else:  # (the person-months with rows, numbered)
        key_codes, distinct = pd.factorize(key)
        sums = np.bincount(key_codes, weights=fixed, minlength=len(distinct))
        index, seen = pd.Index(distinct), np.zeros(0, bool)  # (no positions: looked up in the index below)
    # the window ends gap_before_start months before the start: payments rise as enrolment nears
    # (the samples: about 18 % higher in the 6 months before the start than in months −12 to −7)
    who = people.get_indexer(succ[S.PERSON_ID].to_numpy()).astype(np.int64)
    start = succ[S.START_DATE]
    m0 = (start.dt.year * 12 + start.dt.month - 1).to_numpy(float)
    dated = np.isfinite(m0)  # (an enrolment without a start date has no months before it)
    hi = np.where(dated, m0, 0).astype(np.int64) - ml.gap_before_start
    total, rows = np.zeros(len(succ)), np.zeros(len(succ), bool)
    for k in range(1, ml.months_before_start + 1):
        month = hi - k
        inside = dated & (who >= 0) & (month >= first) & (month < first + span)
        want = np.where(inside, who * span + (month - first), 0)
        if index is None:
            at, found = want, inside & seen[want] if n_cells else inside & False
        else:
            at = index.get_indexer(want)
            found = inside & (at >= 0)
        total[found] += sums[at[found]]
        rows |= found
    return np.where(rows, total / ml.months_before_start, np.nan)


def _municipality_levels(succ: pd.DataFrame, levels: dict[str, float], factor: float, year: str,
                         source: Wording | Note, flagged: bool) -> tuple[np.ndarray, list[UsedAssumption]]:
    """Each leaver's monthly level from their own municipality's fixed amount (``amount_sek`` per municipality,
    the names matched whatever their letter case and spaces; validation has refused a leaver without one), in
    price-year prices; the assumption's value is the mean over the leavers (a municipality's amount where none)."""
    def key(name: object) -> str:
        return " ".join(str(name).split()).casefold()
    by_key = {key(name): amount * factor for name, amount in levels.items()}
    towns = succ[S.MUNICIPALITY] if S.MUNICIPALITY in succ else pd.Series("", index=succ.index)
    level = np.array([by_key.get(key(t), np.nan) for t in towns], float)
    if np.isnan(level).any():  # (not reached after validation: the mean of the amounts, not 0 kr)
        level[np.isnan(level)] = float(np.mean(list(by_key.values())))
    mean = float(level.mean()) if len(level) else float(np.mean(list(by_key.values())))
    parts = tuple(Note.of("assumption.monthly_level_of_municipality", name=name, amount=Money(amount))
                  for name, amount in levels.items())
    return level, [UsedAssumption("monthly_level", mean,
                                  Note.of("assumption.monthly_level_fixed_by_municipality_source", levels=parts,
                                          year=year, source=source), flagged)]


def kept_by_month(n_months: int, dropoff: float | np.ndarray,
                  first_year: np.ndarray | None = None) -> np.ndarray:
    """The share of a leaver's monthly saving kept in each of the first ``n_months`` months after the exit.

    Without ``first_year``: (1 − dropoff)^(whole years passed), so the whole level in the first year.
    With ``first_year`` (the observed share kept 1, 2, …, 12 months after the exit): those twelve
    shares in the first year, then the drop-off rule from month 13 on, (1 − dropoff)^(whole years
    passed). ``dropoff`` may be an array (one per draw): the result then has one row per draw.
    """
    m = np.arange(n_months)
    d = np.asarray(dropoff, float)[..., None]
    out = (1 - d) ** (m // 12)
    if first_year is not None:
        fy = np.asarray(first_year, float)
        first = m < min(len(fy), n_months)
        out = np.where(first, np.concatenate([fy, np.zeros(max(n_months - len(fy), 0))])[:n_months], out)
    return out


def annuity_factor(horizon_years: float | np.ndarray, dropoff: float | np.ndarray, rate: float | np.ndarray,
                   first_year: np.ndarray | None = None) -> np.ndarray:
    """Sum over the horizon's months of the share kept that month (:func:`kept_by_month`) / (1 + rate)^(months/12).

    ``horizon_years`` may be an array (one horizon per draw): months beyond a draw's horizon count 0.
    """
    h_months = np.round(np.asarray(horizon_years, float) * 12).astype(int)
    m = np.arange(int(h_months.max()) if h_months.size else 0)
    r = np.asarray(rate, float)[..., None]
    inside = m < h_months[..., None]
    return (kept_by_month(len(m), dropoff, first_year) / (1 + r) ** (m / 12) * inside).sum(axis=-1)


def annuity_upto(months: np.ndarray, dropoff: float | np.ndarray, rate: float | np.ndarray,
                 first_year: np.ndarray | None = None) -> np.ndarray:
    """:func:`annuity_factor` over each number of whole months in ``months`` (its last axis), at once.

    ``months`` has shape (..., G); its leading axes broadcast with those of ``dropoff`` and ``rate`` (one per
    draw). The factors are read off one cumulative sum of the discounted shares kept, so G spans cost one
    table, not G sums: the annuity of a success whose saving ends before the horizon (:func:`pension_months`).
    """
    months = np.asarray(months, int)
    n = int(months.max(initial=0))
    flows = kept_by_month(n, dropoff, first_year) / (1 + np.asarray(rate, float)[..., None]) ** (np.arange(n) / 12)
    table = np.concatenate([np.zeros(flows.shape[:-1] + (1,)), np.cumsum(flows, axis=-1)], axis=-1)
    lead = np.broadcast_shapes(table.shape[:-1], months.shape[:-1])
    return np.take_along_axis(np.broadcast_to(table, lead + table.shape[-1:]),
                              np.broadcast_to(months, lead + months.shape[-1:]), axis=-1)


# months: the end of a saving that never comes within any horizon (an age not known, or far from pension)
NO_PENSION = 10**6


def pension_months(persons: pd.DataFrame, first_month: int) -> np.ndarray:
    """Per person: the month index, from ``first_month`` (a month's ``year * 12 + month - 1``), of the first
    month in which they are of the age from which the state's äldreförsörjningsstöd replaces försörjningsstöd
    (:func:`~evaltools.data.reference.pension_age`: the age in force in that month's year). From that month the
    municipality would not pay them försörjningsstöd with or without the project, so a saving ends there.

    The birth month is not known: taken as the middle of the birth year (``birth_year``), or, where only the
    age at start is given, half a year before the start month's birthday of that age, or, where only an age
    group is (a SUS report's '60–64'), the middle of the group at the start (62 and a half; '65+': 65 and a
    half). :data:`NO_PENSION` where none is known.

    Examples
    --------
    >>> p = pd.DataFrame({"birth_year": [1958, 1960, np.nan], "age": [np.nan, np.nan, np.nan],
    ...                   "start_date": pd.to_datetime(["2022-01-10", "2022-01-10", "2022-01-10"])})
    >>> months = pension_months(p, 2022 * 12)  # 1958: 66 in 2024; 1960: 67 in 2027 (at 66, in 2026, too young)
    >>> (months[:2] / 12).tolist(), bool(months[2] == NO_PENSION)
    ([2.5, 5.5], True)
    """
    birth = np.full(len(persons), np.nan)
    if S.BIRTH_YEAR in persons:
        birth = pd.to_numeric(persons[S.BIRTH_YEAR], errors="coerce").to_numpy(float) * 12 + 6
    start = _months(persons[S.START_DATE]).to_numpy(float)
    if S.AGE in persons:  # (the age at start, where no birth year is given)
        age = pd.to_numeric(persons[S.AGE], errors="coerce").to_numpy(float)
        birth = np.where(np.isnan(birth), start - 12 * age - 6, birth)
    if S.AGE_GROUP in persons and np.isnan(birth).any():  # (an age group alone: its middle)
        birth = np.where(np.isnan(birth), start - 12 * group_middles(persons[S.AGE_GROUP]), birth)
    out = np.full(len(persons), np.inf)
    for age_limit in sorted({a for _, a in pension_ages()}):
        month = birth + 12 * age_limit  # the month they turn that age; counts where that year's limit is no higher
        ok = ~np.isnan(month) & (pension_age(np.floor(np.nan_to_num(month) / 12)) <= age_limit)
        out = np.where(ok, np.minimum(out, month), out)
    out = np.where(np.isfinite(out), np.ceil(out) - first_month, NO_PENSION)
    return out.astype(int)


def group_middles(groups: pd.Series) -> np.ndarray:
    """The middle age of each age group as written ('60–64': 62.5; '65+': 65.5), NaN where a cell is no group.

    Examples
    --------
    >>> group_middles(pd.Series(["60–64", "65+", "okänt"])).tolist()
    [62.5, 65.5, nan]
    """
    def middle(label: object) -> float:
        bounds = age_group_bounds(str(label).replace("+", " och äldre"))
        if bounds is None:
            return np.nan
        lo, hi = bounds
        return lo + 0.5 if hi >= AGE_OPEN_END else (lo + hi + 1) / 2
    # (each distinct label read once: a national file has a few groups over hundreds of thousands of rows)
    codes, labels = pd.factorize(np.asarray(groups, dtype=object))
    middles = np.append(np.array([middle(g) for g in labels], float), np.nan)  # (code −1, an empty cell: no group)
    return middles[codes]


# --- actors, perspectives and the ledger ----------------------------------------------------
# The ledger's actors: every flow is booked on them, so each transfer sums to zero over them.
LEDGER_ACTORS = ("kommun", "region", "stat", "fk", "individ", "arbetsgivare")
# A perspective is a set of ledger actors ("samhälle": all of them, plus the skattefaktor).
PERSPECTIVES: dict[str, tuple[str, ...]] = {
    "kommun": ("kommun",), "region": ("region",), "stat": ("stat", "fk"), "fk": ("fk",), "individ": ("individ",),
    "offentliga": ("kommun", "region", "stat", "fk"), "samhälle": LEDGER_ACTORS,  # (employers count only in society's)
}
# The outcome whose wage the state subsidises (lönebidrag, nystartsjobb and the like, through Arbetsförmedlingen).
SUBSIDISED_WORK = "arbete_med_stöd"
# The ledger's items of the participants' employment in the project (a declared budget line of their own wages,
# :func:`employment_streams`): the net wage and the tax on it, the employer's fee, the försörjningsstöd not paid.
EMPLOYMENT_ITEMS = ("anstallning_lon", "anstallning_skatt", "anstallning_avgift", "anstallning_fs")
# Which actor pays instead when a person leaves försörjningsstöd for a benefit: a transfer.
BENEFIT_PAYER = {"sjuk_aktivitetsersättning": "fk", "sjukpenning": "fk", "studier": "stat", "annan_ersättning": "stat"}


def employment_streams(months: np.ndarray, wage: float, fee: float, tax: float, tax_share_region: float,
                       level: float) -> dict[tuple[str, str], np.ndarray]:
    """The flows of the participants' employment in the project, month by month: ``months`` is the number of
    employment months in each month of the grid (the line of their wages over ``wage`` × (1 + ``fee``)).

    Each employment month the participant earns ``wage`` (gross) and pays the income tax on it (``tax``: the
    municipality's part and the region's, ``tax_share_region``), the state receives the employer's fee, and the
    municipality does not pay the försörjningsstöd ``level`` the participant would have had. Over the actors the
    flows sum to ``wage`` × (1 + ``fee``), the line's cost: for society the wages are a transfer (the value of the
    work done is not counted).

    Examples
    --------
    Two employment months at 25 000 kr, a fee of 31,42 %, a tax of 32 % (36 % of it the region's) and a level of
    10 000 kr: the participant gets 2 × (25 000 × 0,68 − 10 000) = 14 000 kr, the state 2 × 7 855 kr.

    >>> f = employment_streams(np.array([2.0]), 25000, 0.3142, 0.32, 0.36, 10000)
    >>> sum(float(v.sum()) for (_, a), v in f.items() if a == "individ"), round(float(f["anstallning_avgift", "stat"][0]), 6)
    (14000.0, 15710.0)
    """
    m = np.asarray(months, float)
    split = {"kommun": tax * (1 - tax_share_region), "region": tax * tax_share_region}
    return {("anstallning_lon", "individ"): m * wage,
            ("anstallning_skatt", "individ"): -m * wage * tax,
            ("anstallning_skatt", "kommun"): m * wage * split["kommun"],
            ("anstallning_skatt", "region"): m * wage * split["region"],
            ("anstallning_avgift", "stat"): m * wage * fee,
            ("anstallning_fs", "kommun"): m * level,
            ("anstallning_fs", "individ"): -m * level}


def subsidy_months(cost_benefit) -> int:
    """For how many months after an exit to arbete med stöd the wage subsidy is counted: the params'
    ``wage_subsidy_months``, at most over the horizon (the model's ``min(horizon, subsidy_years)``)."""
    return int(min(cost_benefit.wage_subsidy_months, round(cost_benefit.horizon_years * 12)))


def is_structural(project: Project) -> bool:
    """A structural project: no participant work to count and no expected volumes to check.

    Such a project changes how the members work together (a method, a routine, a coordination
    function). Its cost is real, but there are no exits to value, so the toolkit states the cost
    and what it would take to carry it, and computes no NPV, Monte Carlo or tornado.
    """
    if project_kind(project) == "struktur":
        return True
    if project.has_participants:
        return False
    e = project.params.expected  # (a project with neither participants nor volumes yet: nothing to value)
    return e is None or not (e.successes_per_year or e.participants_per_year)


def _month(ts: pd.Timestamp | dt.date) -> int:
    return ts.year * 12 + ts.month - 1


def _months(dates: pd.Series) -> pd.Series:
    """:func:`_month` of every date in a column, vectorised (no Python call per row)."""
    d = pd.to_datetime(dates)
    return d.dt.year * 12 + d.dt.month - 1


def _first_months_from(days: pd.Series) -> np.ndarray:
    """The month after each day's month, vectorised: where a leaver's saving starts. An exit on the 1st saves from the
    next month too: försörjningsstöd for a month is decided and paid before it starts, and a wage or benefit comes at
    the month's end, so the exit month is paid (the check of coded exits against payments and the persistence table
    count from the same month)."""
    return (_months(pd.to_datetime(days)) + 1).to_numpy()


def _cost_months(period: str, params) -> tuple[int, int]:
    """(first, last) month index from the project start over which a budget line is spread."""
    kind, n = S.budget_period(period) or ("whole", 0)  # (a period the loader refuses never gets here)
    s0, end = _month(params.period.start), _month(params.period.end)
    last_project = max(end - s0, 0)
    if kind == "year":
        a, b = max(n * 12 - s0, 0), min(n * 12 + 11 - s0, last_project)
        return (a, b) if b >= a else (max(n * 12 - s0, 0),) * 2
    if kind == "project_year":  # (from the implementation's start after a pre-study: its months are not year 1's)
        first = _month(params.period.years_start) - s0
        if n == 0 and params.period.prestudy is not None:  # (the pre-study's own lines: its months, before year 1)
            last_pre = _month(params.period.prestudy[1]) - s0
            return 0, min(max(last_pre, 0), last_project)
        a, b = first + 12 * (n - 1), min(first + 12 * n - 1, last_project)
        return (a, b) if b >= a else (a, a)
    return 0, last_project


@dataclass(frozen=True)
class _Model:
    """Everything the per-perspective NPV needs, so sensitivity and Monte Carlo can re-run it cheaply.

    All flows sit on one monthly grid counted from the project's start month: costs spread over
    their budget period's months, benefits from the month after each exit's month. Month k is
    discounted by (1 + rate)^(−k/12).
    """

    level_by_exit: np.ndarray  # kr/month per success (price-year prices)
    exit_m: np.ndarray  # month index of each success's first month without försörjningsstöd
    payer: np.ndarray  # ledger actor that pays a benefit instead ("" for work)
    is_work: np.ndarray
    cost_actual: dict  # ledger actor -> monthly cost from settled lines (price-year kr)
    cost_budget: dict  # ledger actor -> monthly cost from budget-only lines
    horizon: float
    dropoff: float
    deadweight: float
    rate: float
    earnings: float
    tax: float
    skattefaktor: float
    shares: dict
    tax_share_region: float = 0.0  # the regional part of the income tax on earnings; the rest is the municipality's
    subsidy: float = 0.0  # kr/month the state pays an employer for each exit to subsidised work (price-year prices)
    subsidy_years: float = 1.0  # for how long after the exit (at most the horizon)
    is_subsidised: np.ndarray | None = None  # per success: an exit to subsidised work (arbete_med_stöd)
    first_year: np.ndarray | None = None  # observed share kept 1..12 months after exit; None: the whole level
    # flows measured from register outcomes (analysis.register): (item, actor) -> monthly stream on the
    # grid, price-year kr, booked on the participant-months the estimate covers; they replace the
    # model's flows of those items (earnings and the tax on them, the benefits paid instead) and carry no
    # deadweight, drop-off or horizon
    measured: dict | None = None
    # per measured flow: the register estimate it rests on (its index in the estimates) and that estimate's spread
    # relative to it (:func:`~.uncertainty.effect_spread` over the estimate); the simulations draw each estimate
    # around its value, the flows of one estimate together. None: every measured flow held at its estimate
    measured_spread: dict | None = None
    # months from each start that the register estimates' measured flows cover (the start month and
    # ``comparison.months_after`` after it); 0 without register outcomes
    measured_months: int = 0
    # an exit to work the model leaves out (another support than försörjningsstöd at start): no saving is
    # counted for it, but the individual's earnings and society's gain from it are not valued either
    work_left_out: bool = False
    # per success: the month its part of the household's försörjningsstöd is saved from (the household's first
    # exit, :func:`household_parts`); None: its own exit month. What it went to (a benefit paid instead,
    # earnings, a wage subsidy) runs from its own exit month
    fs_exit_m: np.ndarray | None = None
    # per success: the month index from which they are of the age at which the state's äldreförsörjningsstöd
    # replaces försörjningsstöd (:func:`pension_months`); each of their flows ends there. None: no age known
    pension_m: np.ndarray | None = None
    # the months the project employs its participants (a budget line of their own wages, declared in the params):
    # (item, actor) -> monthly stream on the grid, price-year kr (:data:`EMPLOYMENT_ITEMS`). They happen in the
    # project because of it: no deadweight, drop-off or horizon, discounted like the costs, held in the simulations.
    # None: no such line declared
    employed: dict | None = None

    @property
    def fs_m(self) -> np.ndarray:
        """Per success: the month index its försörjningsstöd flows start in (the household's exit)."""
        return self.exit_m if self.fs_exit_m is None else self.fs_exit_m

    def is_measured(self, item: str) -> bool:
        """Whether the ledger item's flows come from a register estimate instead of the model."""
        return any(i == item for i, _ in (self.measured or {}))

    @property
    def earnings_measured(self) -> bool:
        return self.is_measured("arbetsinkomst")

    @property
    def earnings_cut_short(self) -> bool:
        """Earnings are measured over fewer months than the försörjningsstöd saved is counted over (the
        horizon after each exit): a perspective that holds both (the individual's: the earnings gained
        against the försörjningsstöd given up) would set a shorter window against a longer one."""
        return self.earnings_measured and self.measured_months < round(self.horizon * 12)

    @property
    def benefits_measured(self) -> bool:
        """The benefits paid instead of försörjningsstöd are measured (a register benefits file was given)."""
        return any(i.startswith("ersattning_") for i, _ in (self.measured or {}))

    def pv_measured(self, perspective: str, rate: float | None = None) -> float:
        """Present value of the measured flows to the perspective's actors (0 without register outcomes)."""
        return float(sum(self.pv_measured_flows(perspective, rate).values()))

    def pv_employed(self, perspective: str, rate: float | None = None) -> float:
        """Present value of the flows of the participants' employment in the project to the perspective's actors
        (:attr:`employed`; 0 where no line of their wages is declared)."""
        r = self.rate if rate is None else rate
        actors = PERSPECTIVES[perspective]
        return float(sum((s / (1 + r) ** (np.arange(len(s)) / 12)).sum()
                         for (_, a), s in (self.employed or {}).items() if a in actors))

    def pv_no_exit(self, perspective: str, rate: float | None = None) -> float:
        """Present value of the perspective's flows that come with no exit: those measured from register outcomes
        and those of the participants' employment in the project. They carry no deadweight, so the break-even, the
        switching deadweight and what one exit adds leave them out."""
        return self.pv_measured(perspective, rate) + self.pv_employed(perspective, rate)

    def pv_measured_flows(self, perspective: str, rate: float | None = None) -> dict[tuple[str, str], float]:
        """Present value of each measured flow ((item, actor) -> kr) to the perspective's actors."""
        r = self.rate if rate is None else rate
        actors = PERSPECTIVES[perspective]
        return {(i, a): float((s / (1 + r) ** (np.arange(len(s)) / 12)).sum())
                for (i, a), s in (self.measured or {}).items() if a in actors}

    def _kept(self, key: tuple, compute: Callable[[], np.ndarray]) -> np.ndarray:
        """``compute()``, kept on this model under ``key`` and read-only. The sensitivity and the
        simulation ask for the same per-success coefficients and discount factors a few hundred times
        (at national scale each an array over 94 000 leavers); the model is frozen, so what they are
        computed from does not change."""
        kept = self.__dict__.setdefault("_kept_arrays", {})
        if key not in kept:
            value = np.asarray(compute())
            value.flags.writeable = False
            kept[key] = value
        return kept[key]

    def discount_at_exit(self, rate: float) -> np.ndarray:
        """Per success: the discount factor (1 + rate)^(−exit month / 12) of its first month without försörjningsstöd."""
        if np.ndim(rate):
            return (1 + rate) ** (-self.exit_m / 12)
        return self._kept(("discount_at_exit", float(rate)), lambda: (1 + rate) ** (-self.exit_m / 12))

    def discount_at_fs(self, rate: float) -> np.ndarray:
        """Per success: the discount factor of the first month its household is without försörjningsstöd
        (:attr:`fs_m`; the success's own exit where it is its household's only leaver)."""
        if self.fs_exit_m is None:
            return self.discount_at_exit(rate)
        if np.ndim(rate):
            return (1 + rate) ** (-self.fs_m / 12)
        return self._kept(("discount_at_fs", float(rate)), lambda: (1 + rate) ** (-self.fs_m / 12))

    def sub_coef(self, actor: str) -> np.ndarray:
        """Per success: the actor's share of each kr of wage subsidy (a transfer from the state,
        through Arbetsförmedlingen, to the employer)."""
        def compute() -> np.ndarray:
            sub = self.is_subsidised if self.is_subsidised is not None else np.zeros(len(self.payer), bool)
            return sub.astype(float) * {"stat": -1.0, "arbetsgivare": 1.0}.get(actor, 0.0)
        return self._kept(("sub_coef", actor), compute)

    @property
    def t_exit(self) -> np.ndarray:  # (years; kept for callers)
        return self.exit_m / 12

    def fs_coef(self, actor: str) -> np.ndarray:
        """Per success: the ledger actor's share of each kr of försörjningsstöd not paid, the benefit paid
        instead included (:meth:`saved_coef` plus :meth:`instead_coef`)."""
        return self._kept(("fs_coef", actor), lambda: self.saved_coef(actor) + self.instead_coef(actor))

    def saved_coef(self, actor: str) -> np.ndarray:
        """Per success: the actor's share of each kr of försörjningsstöd not paid (the municipality saves it,
        the individual's household gives it up), from the household's exit (:attr:`fs_m`)."""
        return np.full(len(self.payer), {"kommun": 1.0, "individ": -1.0}.get(actor, 0.0))

    def instead_coef(self, actor: str) -> np.ndarray:
        """Per success: the actor's share of each kr of the benefit paid instead of försörjningsstöd (the
        state or Försäkringskassan pays it, the individual receives it), from the success's own exit."""
        def compute() -> np.ndarray:
            # (a measured benefit replaces the model's: the individual loses the försörjningsstöd, and what
            # the state pays instead is the register estimate's flow)
            payer = np.full(len(self.payer), "") if self.benefits_measured else self.payer
            if actor == "individ":
                return (payer != "").astype(float)
            return -(payer == actor).astype(float)
        return self._kept(("instead_coef", actor), compute)

    def earn_coef(self, actor: str) -> np.ndarray:
        """Per success: the actor's share of each kr earned. Income tax on earnings at this level is
        municipal and regional tax (no state income tax below the threshold)."""
        def compute() -> np.ndarray:
            w = (self.is_work.astype(float) if self.earnings > 0 and not self.earnings_measured
                 else np.zeros(len(self.payer)))
            return w * self._tax_split().get(actor, 0.0)
        return self._kept(("earn_coef", actor), compute)

    def _tax_split(self) -> dict[str, float]:
        return {"individ": 1 - self.tax, "kommun": self.tax * (1 - self.tax_share_region),
                "region": self.tax * self.tax_share_region}

    def saved_weights(self, perspective: str, level_mult: float = 1.0) -> np.ndarray:
        """Per success: the perspective's monthly gain from the försörjningsstöd not paid, for as long as the
        exit lasts (kr), from the household's exit (:attr:`fs_m`)."""
        return sum((self.saved_coef(a) * self.level_by_exit * level_mult for a in PERSPECTIVES[perspective]),
                   np.zeros(len(self.payer)))

    def own_weights(self, perspective: str, level_mult: float = 1.0) -> np.ndarray:
        """Per success: the perspective's monthly gain from the benefit paid instead and from earnings (and
        the tax on them), for as long as the exit lasts (kr), from the success's own exit."""
        return sum((self.instead_coef(a) * self.level_by_exit * level_mult + self.earn_coef(a) * self.earnings
                    for a in PERSPECTIVES[perspective]), np.zeros(len(self.payer)))

    def weights(self, perspective: str, level_mult: float = 1.0) -> np.ndarray:
        """Per success: the perspective's monthly gain for as long as the exit lasts (kr), where every flow
        starts in the same month (no household with several leavers: :attr:`fs_exit_m` is None)."""
        actors = PERSPECTIVES[perspective]
        return sum(self.fs_coef(a) * self.level_by_exit * level_mult + self.earn_coef(a) * self.earnings
                   for a in actors)

    def sub_weights(self, perspective: str, subsidy: float | None = None) -> np.ndarray:
        """Per success: the perspective's monthly wage-subsidy flow, for the subsidy's first ``subsidy_years``."""
        sub = self.subsidy if subsidy is None else subsidy
        return sum((self.sub_coef(a) * sub for a in PERSPECTIVES[perspective]), np.zeros(len(self.payer)))

    def cost_stream(self, perspective: str, cost_mult: float = 1.0) -> np.ndarray:
        """The project's cost borne by the perspective's actors, per month (price-year kr)."""
        actors = PERSPECTIVES[perspective]
        n = max(len(v) for v in self.cost_actual.values())
        out = np.zeros(n)
        for a in actors:
            out += self.cost_actual.get(a, 0.0) + self.cost_budget.get(a, 0.0) * cost_mult
        return out

    def pv_costs(self, perspective: str = "samhälle", rate=None, cost_mult=1.0) -> float:
        """Present value of the project's cost borne by the perspective (without the skattefaktor)."""
        r = self.rate if rate is None else rate

        def compute() -> np.ndarray:
            c = self.cost_stream(perspective, cost_mult)
            return (c / (1 + r) ** (np.arange(len(c)) / 12)).sum()
        if np.ndim(r) or np.ndim(cost_mult):
            return float(compute())
        return float(self._kept(("pv_costs", perspective, float(r), float(cost_mult)), compute))

    def _annuity(self, horizon, dropoff, rate) -> np.ndarray:
        """:func:`annuity_factor` with this model's observed first year; kept for scalar arguments (the
        sensitivity analysis asks for the same few factors once per perspective and assumption)."""
        if np.ndim(horizon) or np.ndim(dropoff) or np.ndim(rate):
            return annuity_factor(horizon, dropoff, rate, self.first_year)
        return self._kept(("annuity", float(horizon), float(dropoff), float(rate)),
                          lambda: annuity_factor(horizon, dropoff, rate, self.first_year))

    def months_left(self, start: np.ndarray) -> np.ndarray | None:
        """Per success: the months from ``start`` (its flows' first month) before it reaches the age of
        äldreförsörjningsstöd (:attr:`pension_m`), at least 0; None where no success's age is known."""
        if self.pension_m is None:
            return None
        return np.maximum(self.pension_m - start, 0)

    def over_horizon(self, values: np.ndarray, start: np.ndarray, horizon, dropoff, rate,
                     limit: float | None = None, whole: np.ndarray | None = None) -> float | np.ndarray:
        """Σ over the successes of ``values`` (a monthly flow, discounted to its first month ``start``) times
        the annuity over the months it lasts: the horizon (at most ``limit`` years), ended where the success
        reaches the age of äldreförsörjningsstöd (:meth:`months_left`). The arguments may be arrays (one per
        draw): the result is then one per draw. ``whole``: the annuity over the horizon (at most ``limit``),
        where the caller has it already."""
        h = horizon if limit is None else np.minimum(horizon, limit)
        whole = self._annuity(h, dropoff, rate) if whole is None else whole
        h_months = np.round(np.asarray(h, float) * 12).astype(int)
        groups = self._ending_early(start, int(h_months.max()))
        if groups is None:
            return values.sum() * whole
        cut, ends, group = groups
        sums = np.bincount(group, weights=values[cut], minlength=len(ends))
        early = annuity_upto(np.minimum(h_months[..., None], ends), dropoff, rate, self.first_year)
        return values[~cut].sum() * whole + (early * sums).sum(axis=-1)

    def _ending_early(self, start: np.ndarray, h_max: int) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """The successes whose flows from ``start`` end before ``h_max`` months (:meth:`months_left`), grouped by the
        months they last: (which, the months of each group, each one's group); None where none does. Kept for the
        model's own start months: the simulation asks for the same groups once per perspective and flow."""
        def compute() -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
            left = self.months_left(start)
            if left is None or not (cut := left < h_max).any():
                return None
            ends, group = np.unique(left[cut], return_inverse=True)
            return cut, ends, group
        which = "exit" if start is self.exit_m else "fs" if start is self.fs_exit_m else None
        if which is None:
            return compute()
        kept = self.__dict__.setdefault("_kept_groups", {})
        if (which, h_max) not in kept:
            kept[which, h_max] = compute()
        return kept[which, h_max]

    def excess_burden(self, skattefaktor: float | None = None, cost_mult: float = 1.0, **kw) -> float:
        """Present value of the marginal cost of public funds in society's account: (skattefaktor − 1)
        times the *net* effect on public budgets (the public cost minus the public savings it brings;
        negative when the public budgets gain). ``kw`` as :meth:`pv_benefit`."""
        sf = self.skattefaktor if skattefaktor is None else skattefaktor
        net = self.pv_costs("offentliga", kw.get("rate"), cost_mult) - self.pv_benefit("offentliga", **kw)
        return (sf - 1) * net

    def pv_benefit(self, perspective: str, level_mult=1.0, horizon=None, dropoff=None, deadweight=None, rate=None,
                   success_mult=1.0, subsidy=None) -> float:
        r = self.rate if rate is None else rate
        d = self.dropoff if dropoff is None else dropoff
        dw = self.deadweight if deadweight is None else deadweight
        disc = self.discount_at_exit(r)
        h = self.horizon if horizon is None else horizon
        if self.fs_exit_m is None:
            flows = self.over_horizon(self.weights(perspective, level_mult) * disc, self.exit_m, h, d, r)
        else:  # (a household's försörjningsstöd from its first exit, the rest from each success's own)
            flows = (self.over_horizon(self.saved_weights(perspective, level_mult) * self.discount_at_fs(r),
                                       self.fs_m, h, d, r)
                     + self.over_horizon(self.own_weights(perspective, level_mult) * disc, self.exit_m, h, d, r))
        flows = flows + self.over_horizon(self.sub_weights(perspective, subsidy) * disc, self.exit_m, h, d, r,
                                          limit=self.subsidy_years)
        return float(flows * (1 - dw) * success_mult) + self.pv_no_exit(perspective, r)

    def pv_fs(self, level_mult=1.0, horizon=None, dropoff=None, deadweight=None, rate=None,
              success_mult=1.0) -> float:
        """The municipality's avoided försörjningsstöd after the exits (gross of any cost), present value: the
        försörjningsstöd not paid only, from each household's exit (:attr:`fs_m`). The municipality's other gains
        of the exits, its part of the tax on valued earnings, are no försörjningsstöd: counted in, they made the
        figure the municipality's whole benefit, and the effect-based estimate's share of the saving (the
        perspective's benefit per krona of it) too small wherever earnings are valued."""
        r = self.rate if rate is None else rate
        d = self.dropoff if dropoff is None else dropoff
        dw = self.deadweight if deadweight is None else deadweight
        h = self.horizon if horizon is None else horizon
        flows = self.over_horizon(self.saved_weights("kommun", level_mult) * self.discount_at_fs(r), self.fs_m, h, d, r)
        return float(flows * (1 - dw) * success_mult)

    def npv(self, perspective: str = "offentliga", skattefaktor: float | None = None, cost_mult: float = 1.0,
            **kw) -> float:
        out = self.pv_benefit(perspective, **kw) - self.pv_costs(perspective, kw.get("rate"), cost_mult)
        if perspective == "samhälle":
            out -= self.excess_burden(skattefaktor, cost_mult, **kw)
        return out

    def keep(self) -> np.ndarray:
        """Share of a success's monthly saving kept in each month after exit (the observed first year
        where used, drop-off and deadweight)."""
        return kept_by_month(int(round(self.horizon * 12)), self.dropoff, self.first_year) * (1 - self.deadweight)

    def benefit_stream(self, actor: str, item: str) -> np.ndarray:
        """Monthly flow of one ledger item to one actor, undiscounted (a measured item's from its estimate)."""
        if item in EMPLOYMENT_ITEMS:
            return np.asarray((self.employed or {}).get((item, actor), np.zeros(1)), float)
        if self.measured and (self.is_measured(item) or (item == "skatt" and self.earnings_measured)
                              or (item.startswith("ersattning_") and self.benefits_measured)):
            return np.asarray(self.measured.get((item, actor), np.zeros(1)), float)
        keep = self.keep()
        n = int(max(self.exit_m.max(), self.fs_m.max()) + len(keep) + 1) if len(self.exit_m) else 1
        grid = np.zeros(n)
        start = self.exit_m
        if item == "forsorjningsstod":
            per = self.level_by_exit * (1.0 if actor == "kommun" else -1.0 if actor == "individ" else 0.0)
            start = self.fs_m
        elif item.startswith("ersattning_"):
            payer = item.removeprefix("ersattning_")
            per = self.level_by_exit * (self.payer == payer) * (-1.0 if actor == payer else 1.0 if actor == "individ" else 0.0)
        elif item == "arbetsinkomst":
            per = self.earnings * self.is_work * (1.0 if actor == "individ" else 0.0)
        elif item == "lonestod":
            per = self.subsidy * self.sub_coef(actor)
            keep = keep[:int(round(min(self.horizon, self.subsidy_years) * 12))]
        elif item == "skatt":
            split = self._tax_split()
            per = self.earnings * self.is_work * (-self.tax if actor == "individ" else split.get(actor, 0.0)
                                                  if actor in ("kommun", "region") else 0.0)
        else:
            raise ValueError(item)
        if len(self.exit_m) and np.any(per):
            idx = start[:, None] + np.arange(len(keep))[None, :]
            flow = per[:, None] * keep[None, :]
            left = self.months_left(start)
            if left is not None:  # (no flow from the month a success reaches the age of äldreförsörjningsstöd)
                flow = flow * (np.arange(len(keep))[None, :] < left[:, None])
            np.add.at(grid, idx.ravel(), flow.ravel())
        return grid


